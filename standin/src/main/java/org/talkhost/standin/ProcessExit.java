package org.talkhost.standin;

/** Ends the process with a code. The real one halts the JVM; tests record the code instead. */
@FunctionalInterface
public interface ProcessExit {
    void exit(int code);
}
