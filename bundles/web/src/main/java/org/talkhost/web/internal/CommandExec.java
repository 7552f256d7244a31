package org.talkhost.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs one console command line through Gogo's CommandProcessor, as the console would, and keeps what
 * it printed and returned. The exit status is 0, 1 when the command failed, or what the command chose
 * through the session variable {@value #EXIT_VARIABLE} (as for {@code ./talkhost --exec}).
 */
final class CommandExec {
    static final String EXIT_VARIABLE = "talkhost.exit";

    /** What a command did: everything it printed or returned, and its exit status. */
    record Outcome(String output, int status) {}

    private CommandExec() {}

    /** Runs {@code line} with the session variables {@code variables} set. */
    static Outcome run(CommandProcessor processor, String line, Map<String, Object> variables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status;
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            variables.forEach(session::put);
            try {
                Object result = session.execute(line);
                if (result != null) {
                    out.println(session.format(result, Converter.INSPECT));
                }
                Object exit = session.get(EXIT_VARIABLE);
                status = exit instanceof Number ? ((Number) exit).intValue() : 0;
            } catch (Exception e) {
                out.println(plain(e));
                status = 1;
            }
        }
        out.flush();
        return new Outcome(bytes.toString(StandardCharsets.UTF_8).stripTrailing(), status);
    }

    /** A failure as one plain line: a bad-argument message as it is, anything else summed up. */
    static String plain(Throwable t) {
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof IllegalArgumentException
                || t instanceof IllegalStateException
                || msg.startsWith("Command not found")) {
            return msg;
        }
        return "The command failed: " + msg;
    }
}
