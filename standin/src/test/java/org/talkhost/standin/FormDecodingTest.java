package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkhost.standin.http.Call;

/** Request bodies read as Python reads them (issue 16, item 8: three stand-in bugs). */
class FormDecodingTest {

    @TempDir
    Path dir;

    Running server;

    @BeforeEach
    void start() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCharacterReferenceBeyondUnicodeIsNotAServerError() throws Exception {
        HttpResponse<byte[]> r = server.postForm(
                "/api/tts-generate",
                Map.of("text_input", "Big &#99999999999; number &#x110000; here.", "text_filtering", "html"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("status", "generate-success");
    }

    @Test
    void multipartTakesTheFieldNameNotTheEndOfFilename() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; filename=\"x.txt\"; name=\"output_file_name\"\r\n\r\n"
                + "fromMultipart\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"text_input\"\r\n\r\nHello there.\r\n--" + boundary + "--\r\n";
        HttpResponse<byte[]> r = server.send(HttpRequest.newBuilder(server.uri("/api/tts-generate"))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat((String) json(r).get("output_file_url")).startsWith("/audio/fromMultipart_");
    }

    @Test
    void aBadPercentEscapeStaysLiteralAndTheRestIsDecoded() throws Exception {
        HttpResponse<byte[]> r = server.send(HttpRequest.newBuilder(server.uri("/api/tts-generate"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text_input=100%+sure%2C+caf%C3%A9&text_filtering=none")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(server.output()).contains("[AllTalk TTSGen] 100% sure, café");
        assertThat(List.of(Call.decode("100%+sure%2C+caf%C3%A9"), Call.decode("xx%ZZ%41%"), Call.decode("%E2%82")))
                .containsExactly("100% sure, café", "xx%ZZA%", "\uFFFD");
    }
}
