package org.talkhost.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A TalkHost already running in this home, found by the file its control API writes,
 * {@code runtime/control.json} (the API's address and the host's process id), with the token from
 * {@code runtime/control.token}. Only plain Java: finding it must cost a few milliseconds, and load
 * nothing of Felix.
 */
final class RunningHost {
    final URI api;
    final String token;
    final long pid;

    private RunningHost(URI api, String token, long pid) {
        this.api = api;
        this.token = token;
        this.pid = pid;
    }

    /** The host running in {@code home}, when its files are there and its process is alive. */
    static Optional<RunningHost> in(Path home) {
        Path runtime = home.resolve("runtime");
        Path control = runtime.resolve("control.json");
        Path tokenFile = runtime.resolve("control.token");
        if (!Files.isRegularFile(control) || !Files.isReadable(tokenFile)) {
            return Optional.empty();
        }
        try {
            Object parsed = MiniJson.parse(Files.readString(control, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map)) {
                return Optional.empty();
            }
            Map<?, ?> m = (Map<?, ?>) parsed;
            Object api = m.get("api");
            Object pid = m.get("pid");
            if (!(api instanceof String) || !(pid instanceof Number)) {
                return Optional.empty();
            }
            long p = ((Number) pid).longValue();
            if (p == ProcessHandle.current().pid()
                    || !ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.empty();
            }
            String token =
                    Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
            return Optional.of(new RunningHost(URI.create((String) api), token, p));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
