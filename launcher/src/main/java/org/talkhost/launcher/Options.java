package org.talkhost.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code ./talkhost}. */
final class Options {
    static final String USAGE = String.join(
            "\n",
            "Usage: ./talkhost [options]",
            "",
            "Starts TalkHost: it finds a running AllTalk text-to-speech server or starts one, keeps it",
            "healthy, and explains what it does. Without options you get the interactive console",
            "(type 'help alltalk' there; Ctrl-D or 'stop 0' leaves).",
            "",
            "Options:",
            "  --exec \"COMMAND\"  run console command(s), print the result and exit with its status",
            "                    (for example: ./talkhost --exec \"alltalk:status\")",
            "  --no-shell        run as a service with no console; stop it with Ctrl-C or SIGTERM",
            "  --feature FILE    the feature file to boot (default: features/talkhost.json)",
            "  --home DIR        the TalkHost folder holding config/, log/ and runtime/ (default: here)",
            "  --clean           forget the framework's stored state before starting",
            "  -h, --help        show this help",
            "",
            "Files: config/ (settings, one file per part), log/talkhost.log (host log),",
            "log/alltalk_operations.log (what TalkHost did with AllTalk), runtime/ (internal state).");

    enum Mode {
        CONSOLE,
        SERVICE,
        EXEC,
        HELP
    }

    final Mode mode;
    final String command;
    final Path home;
    final Path source;
    final Path feature;
    final boolean clean;

    private Options(Mode mode, String command, Path home, Path source, Path feature, boolean clean) {
        this.mode = mode;
        this.command = command;
        this.home = home;
        this.source = source;
        this.feature = feature;
        this.clean = clean;
    }

    /** Parses the arguments; throws IllegalArgumentException with a plain sentence on bad input. */
    static Options parse(String[] args, Path defaultHome, Path source) {
        Mode mode = Mode.CONSOLE;
        String command = null;
        Path home = defaultHome;
        Path feature = null;
        boolean clean = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            switch (a) {
                case "-h":
                case "--help":
                    return new Options(Mode.HELP, null, home, source, feature, clean);
                case "--no-shell":
                    mode = mode == Mode.EXEC ? mode : Mode.SERVICE;
                    break;
                case "--exec":
                case "-c":
                    if (rest.isEmpty() || rest.get(0).isBlank()) {
                        throw new IllegalArgumentException(
                                "--exec needs a command, for example: --exec \"alltalk:status\"");
                    }
                    mode = Mode.EXEC;
                    command = rest.remove(0);
                    break;
                case "--home":
                    home = Paths.get(value(a, rest)).toAbsolutePath().normalize();
                    break;
                case "--feature":
                    feature = Paths.get(value(a, rest)).toAbsolutePath().normalize();
                    break;
                case "--clean":
                    clean = true;
                    break;
                default:
                    throw new IllegalArgumentException("\"" + a + "\" is not an option TalkHost knows.");
            }
        }
        if (feature == null) {
            feature = source.resolve("features").resolve("talkhost.json");
        }
        return new Options(mode, command, home, source, feature, clean);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return rest.remove(0);
    }
}
