package org.talkhost.api.detection;

import java.time.Instant;

/**
 * A running process that looks like an AllTalk server.
 *
 * @param pid         process id
 * @param parentPid   parent's process id (0 when unknown)
 * @param commandLine the full command line
 * @param started     start time, or null when unknown
 * @param workingDir  working directory where readable, else empty
 * @param kind        V1 / V2 / STANDIN from the script or marker, else UNKNOWN
 * @param script      what identified it ("tts_server.py", "script.py", "uvicorn tts_server:app", "alltalk-standin")
 * @param port        the port from its command line ({@code --port N}), or 0 when not given there
 */
public record ServerProcess(
        long pid,
        long parentPid,
        String commandLine,
        Instant started,
        String workingDir,
        ServerKind kind,
        String script,
        int port) {}
