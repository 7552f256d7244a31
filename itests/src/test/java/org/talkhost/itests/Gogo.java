package org.talkhost.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** Runs a Gogo command as the console would and keeps what it printed. */
final class Gogo {
    /** What one command gave: its formatted result or error, and what it printed. */
    record Run(String output, Object result, Exception error, Object exit) {
        boolean failed() {
            return error != null;
        }
    }

    private Gogo() {}

    static Run run(CommandProcessor processor, String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            Object result = s.execute(command);
            if (result != null) {
                ps.println(s.format(result, 0));
            }
            return new Run(out.toString(StandardCharsets.UTF_8), result, null, s.get("talkhost.exit"));
        } catch (Exception e) {
            ps.println(e.getMessage());
            return new Run(out.toString(StandardCharsets.UTF_8), null, e, s.get("talkhost.exit"));
        } finally {
            s.close();
        }
    }
}
