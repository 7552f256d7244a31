package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkhost.standin.Bodies.json;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --float-wav: plain generation, previews and OpenAI "wav" come as the real model writes them (32-bit
 * float, format 3), narrated and streamed speech stay 16-bit PCM. Without it everything is 16-bit.
 */
class FloatWavTest {

    @TempDir
    Path dir;

    Running server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withTheSwitchTheModelsOwnFilesAreFloatAndTheRestSixteenBit() throws Exception {
        server = Running.start(dir, "v2", "--no-espeak", "--float-wav");
        byte[] plain = file(json(server.postForm("/api/tts-generate", Map.of("text_input", "Plain speech."))));
        assertThat(format(plain)).isEqualTo("3/32");
        assertThat(ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN).getInt(46))
                .as("samples in the fact chunk")
                .isEqualTo((plain.length - 58) / 4);
        assertThat(format(file(json(server.postForm("/api/previewvoice/", Map.of("voice", "female_01.wav"))))))
                .isEqualTo("3/32");
        HttpResponse<byte[]> openai = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"input\":\"OpenAI speech.\",\"voice\":\"nova\",\"response_format\":\"wav\"}");
        assertThat(format(openai.body())).isEqualTo("3/32");
        byte[] narrated = file(json(server.postForm(
                "/api/tts-generate", Map.of("text_input", "*Narrated.* \"Spoken.\"", "narrator_enabled", "true"))));
        assertThat(format(narrated)).isEqualTo("1/16");
        assertThat(format(streamHead())).isEqualTo("1/16");
    }

    @Test
    void withoutTheSwitchEverythingIsSixteenBit() throws Exception {
        server = Running.start(dir, "v1", "--no-espeak");
        byte[] plain = file(json(server.postForm("/api/tts-generate", Bodies.v1Form("Plain speech."))));
        assertThat(format(plain)).isEqualTo("1/16");
        assertThat(format(streamHead())).isEqualTo("1/16");
    }

    @Test
    void helpListsTheSwitch() {
        assertThat(Main.help()).contains("--float-wav");
        assertThat(OptionParser.parse("--flavor", "v2", "--dir", "x", "--float-wav")
                        .floatWav())
                .isTrue();
    }

    private byte[] file(Map<String, Object> answer) throws Exception {
        return Files.readAllBytes(Path.of((String) answer.get("output_file_path")));
    }

    private byte[] streamHead() throws Exception {
        HttpResponse<InputStream> r = server.client()
                .send(
                        HttpRequest.newBuilder(
                                        server.uri(
                                                "/api/tts-generate-streaming?text=Streamed.&voice=female_01.wav&language=en&output_file=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            return in.readAllBytes();
        }
    }

    /** "format/bits" from the "fmt " chunk, which follows the RIFF header in every file here. */
    private static String format(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("fmt ");
        return (b.getShort(20) & 0xffff) + "/" + b.getShort(34);
    }
}
