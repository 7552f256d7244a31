package org.talkhost.detection.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading an AllTalk-like command line: the interpreter, the script, the markers, the port. */
final class CommandLine {
    static final String TTS_SERVER = "tts_server.py";
    static final String SCRIPT = "script.py";
    static final String UVICORN_APP = "tts_server:app";
    static final String STANDIN_MARKER = "alltalk-standin";
    private static final String STANDIN_PACKAGE = "org.talkhost.standin.";
    private static final Set<String> CLASS_PATH_OPTIONS =
            Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path");

    private static final Pattern PYTHON = Pattern.compile("(python|pythonw|py)([0-9.]*)(w)?(\\.exe)?");

    private CommandLine() {}

    /** Whether a process could be AllTalk at all (then its working directory is worth reading). */
    static boolean worthACloserLook(List<String> args) {
        for (String a : args) {
            if (a.contains("tts_server") || a.contains(SCRIPT) || a.contains(STANDIN_MARKER)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPython(List<String> args) {
        return !args.isEmpty()
                && PYTHON.matcher(fileName(args.get(0)).toLowerCase(Locale.ROOT))
                        .matches();
    }

    /**
     * The script a python command line runs: the first argument that is not an interpreter option, or
     * null when it runs {@code -c} code or a {@code -m} module.
     */
    static String pythonScript(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-c") || a.equals("-m") || a.startsWith("-m") && a.length() > 2) {
                return null;
            }
            if (a.equals("-W") || a.equals("-X")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** AllTalk's Docker start: {@code uvicorn tts_server:app}, as a program or {@code python -m uvicorn}. */
    static boolean isUvicornAllTalk(List<String> args) {
        boolean uvicorn = false;
        boolean app = false;
        for (String a : args) {
            String name = fileName(a).toLowerCase(Locale.ROOT);
            uvicorn |= name.equals("uvicorn") || name.equals("uvicorn.exe");
            app |= a.equals(UVICORN_APP);
        }
        return uvicorn && app;
    }

    /**
     * The stand-in's marker. Not when it only names the jar in a system property (TalkHost's own
     * {@code -Dtalkhost.standin.jar=...}) or on a class path (a test or tool that has the jar at hand);
     * a class-path start of the stand-in counts by its main class.
     */
    static boolean isStandin(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (CLASS_PATH_OPTIONS.contains(a)) {
                i++;
            } else if (a.startsWith(STANDIN_PACKAGE)
                    || a.contains(STANDIN_MARKER) && !a.startsWith("-D") && !a.startsWith("--class-path=")) {
                return true;
            }
        }
        return false;
    }

    /** {@code --port N} or {@code --port=N}; 0 when absent or not a port. */
    static int port(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--port") && i + 1 < args.size()) {
                return parsePort(args.get(i + 1));
            }
            if (a.startsWith("--port=")) {
                return parsePort(a.substring("--port=".length()));
            }
        }
        return 0;
    }

    /** The last part of a path written with / or \ (a Windows path may show up on any system). */
    static String fileName(String path) {
        int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(cut + 1);
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            return port > 0 && port <= 65535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
