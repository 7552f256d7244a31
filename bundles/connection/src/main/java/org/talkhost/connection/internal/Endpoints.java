package org.talkhost.connection.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.config.ServerAddress;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AllTalk's plain endpoints, the same for v1 and v2: ready, settings, voices, files, reload, stop.
 * Idempotent GETs are tried again when the connection could not be opened; nothing else is.
 */
final class Endpoints {
    private final HttpTransport transport;
    private volatile ClientSettings settings;
    private volatile RetryingCalls retrying;

    Endpoints(HttpTransport transport, ClientSettings settings, RetryingCalls retrying) {
        this.transport = transport;
        configure(settings, retrying);
    }

    void configure(ClientSettings s, RetryingCalls r) {
        this.settings = s;
        this.retrying = r;
        transport.connectTimeout(s.connect());
    }

    ClientSettings settings() {
        return settings;
    }

    /** {@code GET /api/ready}: only the body {@code Ready} is ready; any other answer is not. */
    ReadyAnswer ready(ServerAddress at, Duration timeout) {
        long start = System.nanoTime();
        Answer a = transport.exchange(Requests.get(at.base(), "/api/ready"), timeout, BodyReader.TEXT_LIMIT);
        String body = a.text().trim();
        if (body.length() > 1 && body.startsWith("\"") && body.endsWith("\"")) {
            body = body.substring(1, body.length() - 1);
        }
        boolean ready = a.ok() && body.equals("Ready");
        if (!a.ok()) {
            body = a.status() + " " + a.excerpt();
        } else if (body.length() > 200) {
            body = a.excerpt();
        }
        return new ReadyAnswer(ready, body, Duration.ofNanos(System.nanoTime() - start));
    }

    ServerSettings settings(ServerAddress at) {
        URI uri = at.base().resolve("/api/currentsettings");
        return KindProbe.read(idempotent(uri, settings.api(), BodyReader.TEXT_LIMIT));
    }

    /** v1 {@code {"voices":[..]}}, v2 {@code {"status":"success","voices":[..]}}; "No Voices Found" is none. */
    List<String> voices(ServerAddress at) {
        Answer a = idempotent(at.base().resolve("/api/voices"), settings.api(), BodyReader.TEXT_LIMIT);
        JsonNode json = Json.parse(a);
        ErrorMapper.check(json, a);
        if (!json.path("voices").isArray()) {
            throw new ServerFailureException(
                    a.status(),
                    ConnectionCatalog.TEXT.text("failure.notJson", a.where()),
                    "no voices list: " + a.summary(),
                    null);
        }
        List<String> voices = Json.texts(json, "voices", "name");
        return voices.equals(List.of("No Voices Found")) ? List.of() : List.copyOf(voices);
    }

    /** A generated file, by its URL (absolute or relative), always fetched from the target. */
    byte[] download(ServerAddress at, URI url) {
        URI absolute;
        try {
            absolute = UrlJoiner.join(at.base(), url == null ? null : url.toString());
        } catch (IllegalArgumentException e) {
            absolute = null;
        }
        if (absolute == null) {
            throw new RejectedInputException(
                    "url", ConnectionCatalog.TEXT.text("rejected.url", url), "unusable download URL " + url);
        }
        return idempotent(absolute, settings.generate(), BodyReader.AUDIO_LIMIT).body();
    }

    /** {@code POST /api/reload?tts_method=NAME}: loads another engine or model (slow: the generation timeout). */
    void reload(ServerAddress at, String engine) {
        if (engine == null || engine.isBlank()) {
            throw new RejectedInputException(
                    "tts_method", ConnectionCatalog.TEXT.text("rejected.engine"), "empty engine name");
        }
        Answer a;
        try {
            a = once(
                    Requests.post(at.base(), "/api/reload", Map.of("tts_method", engine)),
                    settings.generate(),
                    BodyReader.TEXT_LIMIT);
        } catch (ServerFailureException e) {
            if (e.status() != 500) {
                throw e;
            }
            // an unknown name: AllTalk answers 500 "Internal Server Error"
            throw new ServerFailureException(
                    e.status(), ConnectionCatalog.TEXT.text("failure.reload", at, engine), e.detail(), e);
        }
        JsonNode json = Json.parse(a);
        ErrorMapper.check(json, a);
        if (!Json.text(json, "status").equals("model-success")) {
            throw new ServerFailureException(
                    a.status(),
                    ConnectionCatalog.TEXT.text("failure.reload", a.where(), engine),
                    "reload " + engine + ": " + a.summary(),
                    null);
        }
    }

    /** {@code PUT /api/stop-generation}. */
    void stop(ServerAddress at) {
        once(Requests.put(at.base(), "/api/stop-generation"), settings.api(), BodyReader.TEXT_LIMIT);
    }

    /** One exchange, not repeated; an unsuccessful status becomes the matching error. */
    Answer once(HttpUriRequestBase request, Duration timeout, long limit) {
        Answer a = transport.exchange(request, timeout, limit);
        if (!a.ok()) {
            throw ErrorMapper.map(a);
        }
        return a;
    }

    /** An idempotent GET, tried again while the connection cannot be opened (a fresh request per try). */
    private Answer idempotent(URI uri, Duration timeout, long limit) {
        return retrying.call("GET " + uri.getPath(), () -> once(Requests.get(uri), timeout, limit));
    }
}
