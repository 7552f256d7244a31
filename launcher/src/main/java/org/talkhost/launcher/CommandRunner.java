package org.talkhost.launcher;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs Gogo commands through the CommandProcessor service (looked up reflectively: Gogo lives inside
 * the framework), printing to the console streams captured before the framework started. A command
 * may set the session variable {@value #EXIT_VARIABLE} to choose the exit status.
 */
final class CommandRunner {
    static final String EXIT_VARIABLE = "talkhost.exit";
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    CommandRunner(BundleContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code command}; returns the exit status (0 ok, 1 failed, or what the command chose). */
    int run(String command, long waitMillis) throws InterruptedException {
        ServiceReference<?> ref = await(PROCESSOR, null, waitMillis);
        if (ref == null) {
            err.println("talkhost: the command console did not start, so \"" + command + "\" could not run. "
                    + "See log/talkhost.log.");
            return 1;
        }
        awaitCommand(command, waitMillis);
        Object processor = context.getService(ref);
        try {
            ClassLoader gogo = processor.getClass().getClassLoader();
            Class<?> sessionType = Class.forName(SESSION, false, gogo);
            Object session = processor
                    .getClass()
                    .getMethod("createSession", java.io.InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(processor, new ByteArrayInputStream(new byte[0]), out, err);
            try {
                Object result =
                        sessionType.getMethod("execute", CharSequence.class).invoke(session, command);
                if (result != null) {
                    Object text = sessionType
                            .getMethod("format", Object.class, int.class)
                            .invoke(session, result, 0);
                    out.println(text);
                }
                Object exit = sessionType.getMethod("get", String.class).invoke(session, EXIT_VARIABLE);
                return exit instanceof Number ? ((Number) exit).intValue() : 0;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                err.println(plain(cause));
                return 1;
            } finally {
                sessionType.getMethod("close").invoke(session);
            }
        } catch (ReflectiveOperationException e) {
            err.println("talkhost: the command console could not be used (" + e + ").");
            return 1;
        } finally {
            context.ungetService(ref);
        }
    }

    /** A failure as one plain line: the message of a bad-argument error, else a short summary. */
    static String plain(Throwable t) {
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof IllegalArgumentException || msg.startsWith("Command not found")) {
            return msg;
        }
        return "The command failed: " + msg;
    }

    private void awaitCommand(String command, long waitMillis) throws InterruptedException {
        String first = command.trim().split("[\\s;|]+", 2)[0];
        int colon = first.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String filter = "(&(osgi.command.scope=" + first.substring(0, colon) + ")(osgi.command.function="
                + first.substring(colon + 1) + "))";
        await(null, filter, waitMillis);
    }

    private ServiceReference<?> await(String type, String filter, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            try {
                ServiceReference<?>[] refs = context.getServiceReferences(type, filter);
                if (refs != null && refs.length > 0) {
                    return refs[0];
                }
            } catch (InvalidSyntaxException e) {
                return null;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(20);
        }
    }
}
