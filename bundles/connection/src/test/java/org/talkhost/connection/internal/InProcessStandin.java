package org.talkhost.connection.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.talkhost.standin.Console;
import org.talkhost.standin.OptionParser;
import org.talkhost.standin.Standin;
import org.talkhost.standin.StartupFailure;

/** The AllTalk stand-in, started in this JVM on a free 127.0.0.1 port, in its own temporary folder. */
final class InProcessStandin implements AutoCloseable {
    private final Standin standin;
    private final Path dir;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private InProcessStandin(String flavour, String... extra) throws IOException, StartupFailure {
        dir = Files.createTempDirectory("talkhost-standin");
        List<String> args = new ArrayList<>(List.of(
                "--flavor",
                flavour,
                "--dir",
                dir.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--load-seconds",
                "0",
                "--no-ui",
                "--no-espeak"));
        args.addAll(List.of(extra));
        PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
        standin = Standin.start(OptionParser.parse(args.toArray(String[]::new)), new Console(print, print), code -> {});
    }

    /** Starts a stand-in of flavour "v1" or "v2" with extra command-line options (faults). */
    static InProcessStandin start(String flavour, String... extra) {
        try {
            return new InProcessStandin(flavour, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StartupFailure e) {
            throw new IllegalStateException("the stand-in did not start: " + e.getMessage(), e);
        }
    }

    int port() {
        return standin.port();
    }

    /** What it printed, AllTalk-style. */
    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        standin.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
