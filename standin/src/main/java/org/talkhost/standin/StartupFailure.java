package org.talkhost.standin;

/** Start-up ended the way a broken AllTalk ends: the lines are printed already; the process exits with the code. */
public final class StartupFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public StartupFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
