package org.talkhost.api.config;

/**
 * Several AllTalk servers in one TalkHost. Each is an instance: the plain configuration {@value AllTalkSettings#PID}
 * is the instance named {@value #DEFAULT}; each factory configuration {@code org.talkhost.alltalk~NAME} (file
 * {@code config/org.talkhost.alltalk~NAME.config}) is the instance NAME. The host copies each one to a factory
 * configuration of {@value #FACTORY_PID}, which every per-instance component (Supervisor, detector, ports,
 * client, health, doctor, gateway address) takes with {@code ConfigurationPolicy.REQUIRE}; every service such a
 * component registers carries the instance's name in {@value #NAME}, and its references to the other
 * per-instance services are targeted at the same name.
 */
public final class Instances {
    /** The factory PID the per-instance components are configured with. */
    public static final String FACTORY_PID = "talkhost.instance";
    /** Service and configuration property: the instance's name. */
    public static final String NAME = "talkhost.instance";
    /** Configuration property: the PID of the user's configuration the instance was copied from. */
    public static final String SOURCE_PID = "talkhost.source.pid";
    /** Configuration property set in the last change before an instance's configuration is deleted. */
    public static final String LEAVING = "talkhost.leaving";
    /** Name of the instance configured by the plain {@value AllTalkSettings#PID}. */
    public static final String DEFAULT = "default";
    /** Event property naming the instance an event is about. */
    public static final String EVENT_PROPERTY = "instance";
    /** The references a per-instance component targets at its own instance. */
    public static final String[] TARGETED_REFERENCES = {"client", "detector", "ports", "doctor", "supervisor"};
    /** A filter for the services of instance {@code name}. */
    public static String filter(String name) {
        return "(" + NAME + "=" + name + ")";
    }

    private static final String PREFIX_START = "AllTalk instance '";
    private static final String PREFIX_END = "': ";

    /**
     * How a line about instance {@code name} begins in a host with several, in the notices and the operations log
     * alike: {@code AllTalk instance 'NAME': }. Empty for the default instance (or none): a single-server setup reads
     * as it always did.
     */
    public static String prefix(String name) {
        return name == null || name.isBlank() || DEFAULT.equals(name) ? "" : PREFIX_START + name + PREFIX_END;
    }

    /** The instance a line begins with (see {@link #prefix}): its name, or {@value #DEFAULT}. */
    public static String prefixed(String line) {
        if (line != null && line.startsWith(PREFIX_START)) {
            int end = line.indexOf(PREFIX_END, PREFIX_START.length());
            if (end > 0) {
                return line.substring(PREFIX_START.length(), end);
            }
        }
        return DEFAULT;
    }

    /** The instance named by a service or event property value: {@value #DEFAULT} when none is given. */
    public static String name(Object value) {
        return value instanceof String s && !s.isBlank() ? s : DEFAULT;
    }

    /**
     * A filter for the users' instance configurations: the plain {@value AllTalkSettings#PID}, the PIDs
     * {@code org.talkhost.alltalk~NAME} (FileInstall 3.7 reads {@code org.talkhost.alltalk~NAME.config} as such a
     * PID) and factory configurations of {@value AllTalkSettings#PID} (from {@code org.talkhost.alltalk-NAME.config}).
     */
    public static final String SOURCES = "(|(service.pid=" + AllTalkSettings.PID + ")(service.pid="
            + AllTalkSettings.PID + "~*)(service.factoryPid=" + AllTalkSettings.PID + "))";

    /** True when {@code pid} (with {@code factoryPid}, may be null) configures an instance. */
    public static boolean isSource(String pid, String factoryPid) {
        return AllTalkSettings.PID.equals(pid)
                || AllTalkSettings.PID.equals(factoryPid)
                || pid != null && pid.startsWith(AllTalkSettings.PID + "~");
    }

    /** The instance of a user's configuration PID: {@value #DEFAULT} for the plain one, NAME for {@code ...~NAME}. */
    public static String ofSourcePid(String pid) {
        int at = pid.indexOf('~');
        return at < 0 ? DEFAULT : pid.substring(at + 1);
    }

    private Instances() {}
}
