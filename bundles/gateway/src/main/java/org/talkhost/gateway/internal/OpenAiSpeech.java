package org.talkhost.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.talkhost.api.config.ServerAddress;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/audio/speech} in front of every AllTalk: sent as it is to one that has it (v2), and
 * translated into a generation for one that has not (v1, answering 404): the WAV is fetched and sent
 * back as {@code wav} or raw {@code pcm}. Errors come in OpenAI's JSON shape.
 */
final class OpenAiSpeech implements Handler {
    static final int MAX_INPUT = 4096;

    private final Upstream upstream;
    private final VoiceMap voices;
    /** Per address: true when AllTalk there has its own endpoint. */
    private final Map<ServerAddress, Boolean> nativeAt = new ConcurrentHashMap<>();

    OpenAiSpeech(Upstream upstream, VoiceMap voices) {
        this.upstream = upstream;
        this.voices = voices;
    }

    @Override
    public Outcome handle(Call call, ServerAddress at) throws Forwarder.ClientGone {
        SpeechAsk ask;
        try {
            ask = SpeechAsk.parse(call.body, voices);
        } catch (SpeechAsk.Invalid e) {
            return error(call, 400, e.getMessage(), "invalid_request_error", e.param);
        }
        try {
            Outcome o = tryNative(call, at);
            return o != null ? o : translated(call, at, ask);
        } catch (Upstream.Unreached e) {
            return Outcome.UNREACHED;
        } catch (IOException e) {
            if (call.response.isCommitted()) {
                return Outcome.DONE;
            }
            call.response.reset();
            return Outcome.DIED;
        }
    }

    /** Sends the request as it is; null when AllTalk there has no such endpoint (v1). */
    private Outcome tryNative(Call call, ServerAddress at) throws IOException, Forwarder.ClientGone {
        if (nativeAt.get(at) == null) {
            try (ClassicHttpResponse r = upstream.send(at, Upstream.request(at, "GET", "/settings-json"))) {
                EntityUtils.consume(r.getEntity());
                nativeAt.put(at, r.getCode() != 404);
            }
        }
        if (!nativeAt.get(at)) {
            return null;
        }
        RawRequest request = Upstream.request(at, "POST", EndpointNames.OPENAI_SPEECH);
        request.addHeader("Content-Type", "application/json");
        request.setEntity(new ByteArrayEntity(call.body, null));
        try (ClassicHttpResponse r = upstream.send(at, request)) {
            if (r.getCode() / 100 != 2) {
                String text = text(r);
                return error(
                        call,
                        r.getCode(),
                        "AllTalk could not make the speech: " + text.strip(),
                        r.getCode() >= 500 ? "server_error" : "invalid_request_error",
                        null);
            }
            try {
                Forwarder.copy(call, r, call.response, null);
            } catch (Forwarder.ClientGone e) {
                request.cancel();
                throw e;
            }
            return Outcome.DONE;
        }
    }

    private static String text(ClassicHttpResponse r) throws IOException {
        return r.getEntity() == null
                ? ""
                : new String(r.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
    }

    private Outcome translated(Call call, ServerAddress at, SpeechAsk ask) throws IOException, Forwarder.ClientGone {
        if (!ask.format().equals("wav") && !ask.format().equals("pcm")) {
            return error(
                    call,
                    400,
                    "The AllTalk behind TalkHost makes only these formats here: wav, pcm. Ask for "
                            + "response_format \"wav\" or \"pcm\".",
                    "invalid_request_error",
                    "response_format");
        }
        RawRequest generate = Upstream.request(at, "POST", "/api/tts-generate");
        generate.addHeader("Content-Type", "application/x-www-form-urlencoded");
        generate.setEntity(new ByteArrayEntity(ask.v1Form().getBytes(StandardCharsets.UTF_8), null));
        String url;
        try (ClassicHttpResponse r = upstream.send(at, generate)) {
            String text = text(r);
            JsonNode json = SpeechAsk.json(text);
            url = json == null ? null : json.path("output_file_url").asText(null);
            if (r.getCode() != 200 || url == null) {
                String why = json == null
                        ? text
                        : json.path("error").asText(json.path("message").asText(text));
                return error(
                        call,
                        r.getCode() / 100 == 4 || r.getCode() == 200 ? 400 : 500,
                        "AllTalk could not make the speech: " + why,
                        "invalid_request_error",
                        null);
            }
        }
        byte[] wav;
        try (ClassicHttpResponse r = upstream.send(at, Upstream.request(at, "GET", pathOf(url)))) {
            wav = r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity());
            if (r.getCode() != 200) {
                return error(
                        call, 500, "AllTalk made the speech but could not hand over the file.", "server_error", null);
            }
        }
        byte[] body = ask.format().equals("pcm") ? Wavs.pcm(wav) : wav;
        call.response.setStatus(200);
        call.response.setContentType(ask.format().equals("pcm") ? "audio/pcm" : "audio/wav");
        call.response.setContentLength(body.length);
        try {
            call.response.getOutputStream().write(body);
        } catch (IOException e) {
            throw new Forwarder.ClientGone(e);
        }
        return Outcome.DONE;
    }

    /** The path of an output URL, absolute (v1) or relative (v2). */
    static String pathOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url.startsWith("/") ? url : "/" + url;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }

    private static Outcome error(Call call, int status, String message, String type, String param) {
        Replies.sendOpenAi(call.response, status, message, type, param);
        return Outcome.DONE;
    }
}
