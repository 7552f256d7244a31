package org.talkhost.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * java -jar alltalk-standin.jar --flavor v1|v2 --dir DIR [options]: a server that behaves like AllTalk.
 * Exit codes: 0 stopped (SIGTERM/SIGINT), 1 start-up failed like AllTalk's, 2 bad command line, 3 crash fault.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = OptionParser.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("alltalk-standin: " + e.getMessage());
            System.err.println("Run it with --help to see every option.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(help());
            return;
        }
        Console console = Console.system();
        try {
            Standin standin = Standin.start(options, console, Main::halt);
            onSignals(standin, console);
        } catch (StartupFailure e) {
            halt(e.exitCode());
        }
    }

    /** Ends the process at once, as a crash or a failed start-up does (no shutdown hooks). */
    static void halt(int code) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** SIGTERM and SIGINT stop the server and exit 0, as uvicorn does. */
    private static void onSignals(Standin standin, Console console) {
        Runnable stop = () -> {
            console.error("INFO:     Shutting down");
            standin.close();
            halt(0);
        };
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stop.run());
            }
        } catch (IllegalArgumentException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(standin::close, "standin-shutdown"));
        }
    }

    static String help() {
        try (InputStream in = Main.class.getResourceAsStream("help.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            return "java -jar alltalk-standin.jar --flavor v1|v2 --dir DIR [--port N]\n";
        }
    }
}
