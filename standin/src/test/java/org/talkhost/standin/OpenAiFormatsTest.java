package org.talkhost.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talkhost.standin.speech.Executables;

/** v2's /v1/audio/speech formats, as ffprobe sees them: what AllTalk's ffmpeg settings produce. */
class OpenAiFormatsTest {

    @TempDir
    static Path dir;

    static Running server;
    static Path ffprobe;

    @BeforeAll
    static void start() throws Exception {
        ffprobe = Executables.find("ffprobe").orElse(null);
        Assumptions.assumeTrue(
                ffprobe != null && Executables.find("ffmpeg").isPresent(),
                "ffmpeg/ffprobe are not installed (CI installs them): the OpenAI formats cannot be checked");
        server = Running.start(dir, "v2", "--no-espeak");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mp3,  mp3,    mp3,    44100, 2, 192000",
        "aac,  aac,    aac,    44100, 2, ",
        "m4a,  aac,    aac,    44100, 2, ",
        "ogg,  ogg,    vorbis, 44100, 2, 192000",
        "opus, ogg,    opus,   48000, 2, ",
        "flac, flac,   flac,   44100, 2, "
    })
    void formatsAreStereoAtAllTalksRatesAndBitRates(
            String asked, String container, String codec, String rate, String channels, String bitRate)
            throws Exception {
        Map<String, String> p = probe(speech(asked, "1.0"));
        assertThat(p)
                .containsEntry("format_name", container)
                .containsEntry("codec_name", codec)
                .containsEntry("sample_rate", rate)
                .containsEntry("channels", channels);
        if (bitRate != null) {
            assertThat(Double.parseDouble(p.get("bit_rate")))
                    .isCloseTo(Double.parseDouble(bitRate), org.assertj.core.api.Assertions.within(8000.0));
        }
    }

    @Test
    void m4aIsRawAdtsAacNotMp4() throws Exception {
        byte[] m4a = Files.readAllBytes(speech("m4a", "1.0"));
        assertThat(m4a[0] & 0xff).isEqualTo(0xff);
        assertThat(m4a[1] & 0xf0).isEqualTo(0xf0);
        assertThat(new String(m4a, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isNotEqualTo("ftyp");
    }

    @Test
    void aNumericStringIsAcceptedForSpeed() throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"input\":\"Speed as text.\",\"voice\":\"nova\",\"speed\":\"1.5\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Audio.decode(r.body()).seconds()).isPositive();
        assertThat(server.postJson(
                                "/v1/audio/speech",
                                "{\"model\":\"tts-1\",\"input\":\"Bad.\",\"voice\":\"nova\",\"speed\":\"fast\"}")
                        .statusCode())
                .isEqualTo(500);
    }

    private static Path speech(String format, String speed) throws Exception {
        HttpResponse<byte[]> r = server.postJson(
                "/v1/audio/speech",
                "{\"model\":\"tts-1\",\"input\":\"Format check, " + format
                        + ".\",\"voice\":\"nova\",\"response_format\":\"" + format + "\",\"speed\":" + speed + "}");
        assertThat(r.statusCode()).isEqualTo(200);
        Path file = dir.resolve("answer." + format);
        Files.write(file, r.body());
        return file;
    }

    private static Map<String, String> probe(Path file) throws Exception {
        Process p = new ProcessBuilder(
                        ffprobe.toString(),
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_name,sample_rate,channels,bit_rate:format=format_name",
                        "-of",
                        "default=nw=1",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.putIfAbsent(
                        line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }
}
