package org.talkhost.shell.internal;

import static org.talkhost.shell.internal.ShellCatalog.TEXT;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code exit} and {@code quit} in the console: stop TalkHost, and the AllTalk it started, as Ctrl-D does. Gogo's
 * default profile makes every method of {@code java.lang.System} a command, so a plain {@code exit} answered
 * "Cannot coerce exit() to any of [(int)]" and {@code exit 0} ended the JVM from the shell's own thread ("gogo:
 * InterruptedException: null"). Registered in Gogo's own scope, which that profile searches first ({@code SCOPE =
 * 'gogo:*'}), so these are the ones a bare {@code exit} finds.
 */
@Component(
        service = ConsoleExit.class,
        immediate = true,
        property = {"osgi.command.scope=gogo", "osgi.command.function=exit", "osgi.command.function=quit"})
public final class ConsoleExit {
    private final BundleContext context;

    @Activate
    public ConsoleExit(BundleContext context) {
        this.context = context;
    }

    @Descriptor("Stop TalkHost, and the AllTalk it started (as Ctrl-D does)")
    public String exit() throws BundleException {
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop(); // the framework stops on a thread of its own
        return TEXT.text("console.stopping");
    }

    @Descriptor("Stop TalkHost, and the AllTalk it started (the number is ignored: TalkHost ends normally)")
    public String exit(int ignored) throws BundleException {
        return exit();
    }

    @Descriptor("Stop TalkHost, and the AllTalk it started (as Ctrl-D does)")
    public String quit() throws BundleException {
        return exit();
    }
}
