package org.talkhost.standin;

import java.io.PrintStream;

/** Where the stand-in's output goes: AllTalk-like lines to stdout, uvicorn-like errors to stderr. */
public final class Console {

    /** Prefix of the stand-in's own lines (the rest imitate AllTalk). */
    public static final String TAG = "[AllTalk Standin] ";

    private final PrintStream out;
    private final PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static Console system() {
        return new Console(System.out, System.err);
    }

    /** A line as AllTalk prints it, on stdout. */
    public void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** A stand-in line (tagged), on stdout. */
    public void note(String text) {
        line(TAG + text);
    }

    /** A line on stderr, where uvicorn and Python tracebacks go. */
    public void error(String text) {
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
