package org.talkhost.connection.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.client.SpeechRequest;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.api.detection.ServerKind;

import com.fasterxml.jackson.databind.JsonNode;

/** Making speech: generate a file, stream it, or the OpenAI-style endpoint. Never tried twice. */
final class Generation {
    static final List<String> SPEECH_VOICES = List.of("alloy", "echo", "fable", "nova", "onyx", "shimmer");
    static final List<String> SPEECH_FORMATS = List.of("wav", "mp3", "opus", "aac", "flac");
    static final int SPEECH_MAX_INPUT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(Generation.class);

    private final HttpTransport transport;
    private final Endpoints endpoints;

    Generation(HttpTransport transport, Endpoints endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    GenerateResult generate(ServerAddress at, ServerSettings kind, GenerateRequest r) {
        Map<String, String> form = kind.flavour() == ServerKind.V1 ? GenerateForm.v1(r) : GenerateForm.v2(r);
        long start = System.nanoTime();
        Answer a = endpoints.once(
                Requests.form(at.base(), "/api/tts-generate", form),
                endpoints.settings().generate(),
                BodyReader.TEXT_LIMIT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        JsonNode json = Json.parse(a);
        ErrorMapper.check(json, a);
        URI file = join(at, Json.text(json, "output_file_url"));
        if (!Json.text(json, "status").equals("generate-success") || file == null) {
            throw new ServerFailureException(
                    a.status(),
                    ConnectionCatalog.TEXT.text("failure.server", a.where(), "no file was reported", a.path()),
                    "unexpected generate answer: " + a.summary(),
                    null);
        }
        return new GenerateResult(
                file, join(at, Json.text(json, "output_cache_url")), Json.text(json, "output_file_path"), took);
    }

    /**
     * Opens {@code GET /api/tts-generate-streaming} and returns once the WAV header is in.
     *
     * @param onEnd runs once when the returned stream ends (not when this method throws)
     */
    AudioStream stream(ServerAddress at, ServerSettings kind, GenerateRequest r, Runnable onEnd) {
        if (!kind.streamingCapable()) {
            throw new ServerFailureException(
                    0,
                    ConnectionCatalog.TEXT.text("failure.noStreaming", at, kind.engine()),
                    "streaming_capable false for engine " + kind.engine(),
                    null);
        }
        Map<String, String> query = GenerateForm.streaming(r, kind.flavour() == ServerKind.V1);
        HttpTransport.Exchange x = transport.open(
                Requests.get(at.base(), "/api/tts-generate-streaming", query),
                endpoints.settings().generate());
        try {
            if (x.status() < 200 || x.status() >= 300) {
                throw ErrorMapper.map(x.readAll(BodyReader.TEXT_LIMIT));
            }
            return new StreamingAudio(x, () -> stopQuietly(at), onEnd);
        } catch (IOException e) {
            throw x.fail(e);
        } catch (RuntimeException e) {
            x.abort();
            throw e;
        }
    }

    /** {@code POST /v1/audio/speech} (v2 only): the audio bytes. */
    byte[] speech(ServerAddress at, ServerSettings kind, SpeechRequest r) {
        if (!kind.speechEndpoint()) {
            throw new ServerFailureException(
                    404,
                    ConnectionCatalog.TEXT.text("failure.noSpeech", kind.kind().words(), at),
                    "no /v1/audio/speech on " + kind.kind(),
                    null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "tts-1");
        body.put(
                "input",
                check(
                        "input",
                        r.input(),
                        r.input() != null && !r.input().isBlank() && r.input().length() <= SPEECH_MAX_INPUT));
        String voice = r.voice() == null || r.voice().isBlank() ? "alloy" : r.voice();
        body.put("voice", check("voice", voice, SPEECH_VOICES.contains(voice)));
        String format = r.format() == null || r.format().isBlank() ? "wav" : r.format();
        body.put("response_format", check("response_format", format, SPEECH_FORMATS.contains(format)));
        double speed = r.speed() == 0 ? 1.0 : r.speed();
        body.put("speed", check("speed", speed, speed >= 0.25 && speed <= 4));
        return endpoints
                .once(
                        Requests.json(at.base(), "/v1/audio/speech", body),
                        endpoints.settings().generate(),
                        BodyReader.AUDIO_LIMIT)
                .body();
    }

    private static Object check(String field, Object value, boolean ok) {
        if (!ok) {
            throw new RejectedInputException(
                    field,
                    ConnectionCatalog.TEXT.text("rejected.speech." + field, value),
                    "speech request " + field + " = " + value);
        }
        return value;
    }

    private void stopQuietly(ServerAddress at) {
        try {
            endpoints.stop(at);
        } catch (RuntimeException e) {
            // the stream is already dropped, so AllTalk stops when it notices
            LOG.debug("Could not ask AllTalk on {} to stop generating: {}", at, e.toString());
        }
    }

    private static URI join(ServerAddress at, String url) {
        try {
            return UrlJoiner.join(at.base(), url);
        } catch (IllegalArgumentException e) {
            throw new ServerFailureException(
                    200,
                    ConnectionCatalog.TEXT.text("failure.server", at, "the file address is unusable", ""),
                    "bad output URL " + url,
                    e);
        }
    }
}
