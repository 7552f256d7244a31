package org.talkhost.standin;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the command line into {@link Options}; bad input gives an IllegalArgumentException in plain words. */
public final class OptionParser {

    private final Deque<String> args;
    private Flavor flavor;
    private Path dir;
    private Integer port;
    private String host;
    private Integer uiPort;
    private boolean noUi;
    private double loadSeconds = 2;
    private double reloadSeconds = 0.5;
    private boolean concurrent;
    private boolean noEspeak;
    private boolean control;
    private boolean exitDuringLoad;
    private boolean floatWav;
    private boolean help;
    private final List<String> printLines = new ArrayList<>();
    private final Map<String, String> faults = new LinkedHashMap<>();

    private OptionParser(String[] args) {
        this.args = new ArrayDeque<>(Arrays.asList(args));
    }

    public static Options parse(String... args) {
        return new OptionParser(args).run();
    }

    private Options run() {
        while (!args.isEmpty()) {
            String arg = args.poll();
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            one(name, inline);
        }
        if (help) {
            return build();
        }
        if (flavor == null) {
            throw new IllegalArgumentException("--flavor v1|v2 is missing: say which AllTalk version to behave like");
        }
        if (dir == null) {
            throw new IllegalArgumentException(
                    "--dir DIR is missing: say which folder to use as the AllTalk folder (voices/, outputs/, confignew.json)");
        }
        Faults check = new Faults();
        faults.forEach(check::set);
        return build();
    }

    private void one(String name, String inline) {
        switch (name) {
            case "-h":
            case "--help":
                help = true;
                break;
            case "--flavor":
            case "--flavour":
                flavor = Flavor.parse(value(name, inline));
                break;
            case "--dir":
                dir = Path.of(value(name, inline));
                break;
            case "--port":
                port = port(name, value(name, inline));
                break;
            case "--host":
                host = value(name, inline);
                break;
            case "--ui-port":
                uiPort = port(name, value(name, inline));
                break;
            case "--no-ui":
                noUi = true;
                break;
            case "--load-seconds":
                loadSeconds = seconds(name, value(name, inline));
                break;
            case "--reload-seconds":
                reloadSeconds = seconds(name, value(name, inline));
                break;
            case "--concurrent":
                concurrent = true;
                break;
            case "--no-espeak":
                noEspeak = true;
                break;
            case "--control":
                control = true;
                break;
            case "--exit-during-load":
                exitDuringLoad = true;
                break;
            case "--float-wav":
                floatWav = true;
                break;
            case "--print-line":
                printLines.add(value(name, inline));
                break;
            case "--crash-after-requests":
            case "--crash-after-seconds":
            case "--hang-after-requests":
            case "--generate-seconds":
            case "--drip-ms":
                faults.put(name.substring(2), value(name, inline));
                break;
            case "--hang":
            case "--unloaded-forever":
            case "--fail-generate":
            case "--malformed-json":
                faults.put(name.substring(2), inline == null ? "true" : inline);
                break;
            default:
                throw new IllegalArgumentException("unknown option '" + name + "'");
        }
    }

    private String value(String name, String inline) {
        if (inline != null) {
            return inline;
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.poll();
    }

    private static int port(String name, String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the plain message
        }
        throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, not '" + text + "'");
    }

    static double seconds(String name, String text) {
        try {
            double s = Double.parseDouble(text.trim());
            if (s >= 0 && !Double.isInfinite(s)) {
                return s;
            }
        } catch (NumberFormatException e) {
            // fall through to the plain message
        }
        throw new IllegalArgumentException(name + " must be a number of seconds (0 or more), not '" + text + "'");
    }

    private Options build() {
        return new Options(
                flavor,
                dir,
                port,
                host,
                uiPort,
                noUi,
                loadSeconds,
                reloadSeconds,
                concurrent,
                noEspeak,
                control,
                exitDuringLoad,
                floatWav,
                printLines,
                faults,
                help);
    }
}
