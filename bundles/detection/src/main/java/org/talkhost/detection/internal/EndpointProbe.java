package org.talkhost.detection.internal;

import java.io.IOException;
import java.time.Duration;

import org.talkhost.api.detection.Endpoint;
import org.talkhost.api.detection.ReadyState;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.common.http.ProbeGet;

/**
 * Asks one port what it is: {@code GET /api/ready} (the body says Ready or Unloaded), then
 * {@code GET /api/currentsettings} to tell AllTalk v1 and v2 apart (the stand-in answers like the flavour
 * it imitates and marks its answers with the {@value #STANDIN_MARK} header). Both requests share
 * one deadline, so a probe never takes longer than the timeout it is given. The detail of an endpoint
 * that answered HTTP starts with {@code "HTTP <status>"}. Close it when detection stops.
 */
final class EndpointProbe implements AutoCloseable {
    /** The response header by which the TalkHost stand-in says what it is; real AllTalk never sends it. */
    static final String STANDIN_MARK = "x-talkhost-standin";

    private static final int MAX_BYTES = 256 * 1024;

    private final ProbeGet http = new ProbeGet("talkhost-detection", MAX_BYTES);

    Endpoint probe(String host, int port, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String target = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        ProbeGet.Answer ready;
        try {
            ready = whole(http.get(target, port, "/api/ready", deadline));
        } catch (ProbeGet.NotReached e) {
            return new Endpoint(
                    host, port, ServerKind.NONE, ReadyState.REFUSED, since(start), "refused: " + e.getMessage());
        } catch (ProbeGet.Silent e) {
            return new Endpoint(
                    host,
                    port,
                    ServerKind.UNKNOWN,
                    ReadyState.TIMEOUT,
                    since(start),
                    "accepted, " + e.getMessage() + " (" + timeout.toMillis() + " ms)");
        } catch (IOException e) {
            return new Endpoint(
                    host, port, ServerKind.FOREIGN, ReadyState.OTHER, since(start), "not HTTP: " + e.getMessage());
        }
        Duration took = since(start);
        ReadyState state = readyState(ready);
        if (state == ReadyState.OTHER) {
            return new Endpoint(
                    host,
                    port,
                    ServerKind.FOREIGN,
                    state,
                    took,
                    "HTTP " + ready.status() + " on /api/ready" + excerpt(ready.body()));
        }
        ServerKind kind = kind(target, port, deadline);
        return new Endpoint(
                host,
                port,
                kind,
                state,
                took,
                "HTTP " + ready.status() + " " + ready.body().strip() + ", "
                        + (kind == ServerKind.UNKNOWN ? "settings not read in time" : kind.words()));
    }

    @Override
    public void close() {
        http.close();
    }

    /** A body the deadline cut short is no answer yet. */
    private static ProbeGet.Answer whole(ProbeGet.Answer answer) throws ProbeGet.Silent {
        if (!answer.whole()) {
            throw new ProbeGet.Silent("answer not complete in time");
        }
        return answer;
    }

    static ReadyState readyState(ProbeGet.Answer answer) {
        if (answer.status() != 200) {
            return ReadyState.OTHER;
        }
        String body = answer.body().strip().replace("\"", "");
        if (body.equalsIgnoreCase("Ready")) {
            return ReadyState.READY;
        }
        return body.equalsIgnoreCase("Unloaded") ? ReadyState.UNLOADED : ReadyState.OTHER;
    }

    /** v2 has engines, v1 has DeepSpeed and model lists; anything else is foreign. */
    static ServerKind kindFromSettings(String json) {
        if (json.contains("\"engines_available\"") || json.contains("\"current_engine_loaded\"")) {
            return ServerKind.V2;
        }
        if (json.contains("\"deepspeed_status\"")
                || json.contains("\"models_available\"")
                || json.contains("\"low_vram_status\"")) {
            return ServerKind.V1;
        }
        return ServerKind.FOREIGN;
    }

    private ServerKind kind(String host, int port, long deadline) {
        try {
            ProbeGet.Answer settings = whole(http.get(host, port, "/api/currentsettings", deadline));
            if (settings.status() != 200) {
                return ServerKind.FOREIGN;
            }
            ServerKind flavour = kindFromSettings(settings.body());
            return flavour != ServerKind.FOREIGN && settings.hasHeader(STANDIN_MARK) ? ServerKind.STANDIN : flavour;
        } catch (IOException e) {
            return ServerKind.UNKNOWN;
        }
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "" : ": " + (flat.length() > 60 ? flat.substring(0, 60) + "..." : flat);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
