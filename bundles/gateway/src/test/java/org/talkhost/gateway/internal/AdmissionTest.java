package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** What a request must pass before the gateway sends it anywhere, as the client sees the refusals. */
class AdmissionTest {
    private final Admission open = new Admission("", 1);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/audio/gw_1733212345a1b2c.wav",
                "/audiocache/openai_speech_1733212345ffeed.wav",
                "/audio/x.wav",
                "/audio/My-File_2.wav"
            })
    void plainFileNames_arePassedOn(String path) throws IOException {
        Exchange e = Exchange.get(path);
        Call call = open.admit(e.request, e.response);
        assertThat(call).isNotNull();
        assertThat(call.target).isEqualTo(path);
        assertThat(e.text()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/audio/../x",
                "/audio/..",
                "/audio/../../../../etc/passwd",
                "/audio/..%2F..%2Fconfig%2Forg.talkhost.alltalk.config",
                "/audio/%2e%2e%2fx",
                "/audio/%2E%2E/x",
                "/audiocache/..%5c..%5cwin.ini",
                "/audio//etc/passwd",
                "/audio/%2Fetc%2Fpasswd",
                "/audio/a/b.wav",
                "/audio/.hidden",
                "/audio/x%00.wav",
                "/audio/",
                "/audiocache/x..wav"
            })
    void traversalAndFolders_get400WithAPlainSentence(String path) throws IOException {
        Exchange e = Exchange.get(path);
        assertThat(open.admit(e.request, e.response)).isNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.header("Content-Type")).startsWith("text/plain");
        assertThat(e.text().strip()).contains("not the name of an audio file").hasLineCount(1);
    }

    @Test
    void aQueryIsKeptByteForByte() throws IOException {
        Exchange e = Exchange.get("/api/tts-generate-streaming?text=Hello%20there&voice=female_01.wav");
        assertThat(open.admit(e.request, e.response).target)
                .isEqualTo("/api/tts-generate-streaming?text=Hello%20there&voice=female_01.wav");
    }

    @Test
    void aBodyUpToTheLimit_isTaken() throws IOException {
        Exchange e = Exchange.post("/api/tts-generate", "a".repeat(1024));
        Call call = open.admit(e.request, e.response);
        assertThat(call).isNotNull();
        assertThat(call.body).hasSize(1024);
    }

    @Test
    void aChunkedBodyUpToTheLimit_isTakenWhole() throws IOException {
        Exchange e = Exchange.post("/api/tts-generate", "b".repeat(1024), "Transfer-Encoding: chunked");
        Call call = open.admit(e.request, e.response);
        assertThat(call).isNotNull();
        assertThat(new String(call.body, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("b".repeat(1024));
    }

    @Test
    void aRequestWithoutABody_isNotRead() throws IOException {
        Exchange e = Exchange.get("/api/ready");
        Call call = open.admit(e.request, e.response);
        assertThat(call.body).isEmpty();
        assertThat(e.bodyRead()).isFalse();
    }

    @Test
    void aDeclaredBodyOverTheLimit_gets413WithoutBeingRead() throws IOException {
        Exchange e = Exchange.post("/api/tts-generate", "a".repeat(1025));
        assertThat(open.admit(e.request, e.response)).isNull();
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.bodyRead())
                .as("the body of a declared oversized request is not read")
                .isFalse();
        assertThat(e.text()).contains("larger than the gateway takes (1 KiB)").contains("maxBodyKb");
    }

    @Test
    void aChunkedBodyOverTheLimit_gets413Too() throws IOException {
        Exchange e = Exchange.post("/api/tts-generate", "a".repeat(3000), "Transfer-Encoding: chunked");
        assertThat(open.admit(e.request, e.response)).isNull();
        assertThat(e.status()).isEqualTo(413);
    }

    @Test
    void anOversizedOpenAiRequest_getsOpenAisErrorShape() throws IOException {
        Exchange e = Exchange.post(EndpointNames.OPENAI_SPEECH, "{\"input\":\"" + "a".repeat(2000) + "\"}");
        assertThat(open.admit(e.request, e.response)).isNull();
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.header("Content-Type")).isEqualTo("application/json");
        JsonNode error = Replies.JSON.readTree(e.text()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("larger than the gateway takes");
    }

    @Test
    void withAToken_aCallWithoutIt_gets401AndIsNotRead() throws IOException {
        Admission guarded = new Admission("s3cret", 1024);
        for (String auth : new String[] {null, "Bearer wrong", "Basic czNjcmV0", "s3cret", "Bearer s3cret2"}) {
            Exchange e = auth == null
                    ? Exchange.post("/api/tts-generate", "x")
                    : Exchange.post("/api/tts-generate", "x", "Authorization: " + auth);
            assertThat(guarded.admit(e.request, e.response)).as(auth).isNull();
            assertThat(e.status()).as(auth).isEqualTo(401);
            assertThat(e.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(e.text()).contains("Authorization: Bearer TOKEN").doesNotContain("s3cret");
            assertThat(e.bodyRead()).isFalse();
        }
    }

    @Test
    void withAToken_theRightOneIsTakenAndNotPassedToAllTalk() throws IOException {
        Admission guarded = new Admission("s3cret", 1024);
        Exchange e = Exchange.get("/api/voices", "Authorization: bearer s3cret");
        Call call = guarded.admit(e.request, e.response);
        assertThat(call).isNotNull();
        assertThat(names(call)).doesNotContain("authorization");
    }

    @Test
    void withAToken_aCorsPreflightNeedsNone() throws IOException {
        Admission guarded = new Admission("s3cret", 1024);
        Exchange e = new Exchange(
                "OPTIONS",
                "/api/tts-generate",
                new byte[0],
                "Origin: http://localhost:8000",
                "Access-Control-Request-Method: POST");
        assertThat(guarded.admit(e.request, e.response)).isNotNull();
    }

    @Test
    void withoutAToken_theClientsAuthorizationGoesOnToAllTalk() throws IOException {
        Exchange e = Exchange.get("/api/voices", "Authorization: Bearer for-alltalk");
        assertThat(names(open.admit(e.request, e.response))).contains("authorization");
    }

    @Test
    void hopByHopHeaders_stayOnTheClientsConnection() throws IOException {
        Exchange e = Exchange.post(
                "/api/tts-generate",
                "text_input=x",
                "Content-Type: application/x-www-form-urlencoded",
                "Connection: keep-alive, X-Secret",
                "Keep-Alive: timeout=5",
                "TE: trailers",
                "Upgrade: h2c",
                "Expect: 100-continue",
                "Proxy-Authorization: Basic eA==",
                "Origin: http://localhost:8000",
                "Accept: audio/wav",
                "Accept: */*");
        Call call = open.admit(e.request, e.response);
        assertThat(names(call)).containsExactlyInAnyOrder("content-type", "origin", "accept", "accept");
        assertThat(call.headers.stream()
                        .filter(h -> h[0].equalsIgnoreCase("accept"))
                        .map(h -> h[1]))
                .containsExactly("audio/wav", "*/*");
    }

    @Test
    void talkHostsOwnPaths_areNotPassedToAllTalk() throws IOException {
        Exchange e = Exchange.get("/talkhost/api/status");
        assertThat(open.admit(e.request, e.response)).isNull();
        assertThat(e.status()).isEqualTo(404);
    }

    @Test
    void theGatewaysAddressComesFromTheHostTheClientUsed() throws IOException {
        Exchange e = Exchange.get("/api/ready", "Host: localhost:9999");
        assertThat(open.admit(e.request, e.response).gatewayBase).isEqualTo("http://localhost:9999");
    }

    private static List<String> names(Call call) {
        return call.headers.stream()
                .map(h -> h[0].toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toList());
    }
}
