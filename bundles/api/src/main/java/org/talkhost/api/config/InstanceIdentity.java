package org.talkhost.api.config;

/**
 * Which instance a per-instance component serves (see {@link Instances}): a component property type, taken
 * beside {@link AllTalkSettings} by a component configured with {@value Instances#FACTORY_PID}.
 */
public @interface InstanceIdentity {
    /** The instance's name ({@value Instances#NAME}). */
    String talkhost_instance() default Instances.DEFAULT;

    /** The PID of the user's configuration of this instance ({@value Instances#SOURCE_PID}). */
    String talkhost_source_pid() default AllTalkSettings.PID;

    /** True in the last change before the instance's configuration goes: its user's file was deleted. */
    boolean talkhost_leaving() default false;
}
