package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkhost.api.client.AudioStream;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.client.SpeechRequest;
import org.talkhost.api.detection.ServerKind;

/** The client against the stand-in, in both flavours, on the paths a user takes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AllTalkClientStandinTest {
    private final TestClients clients = new TestClients();

    @AfterEach
    void stop() {
        clients.stopAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void readyAndKind(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour)) {
            AllTalkClientImpl client = clients.on(standin.port());
            ReadyAnswer ready = client.ready();
            assertThat(ready.ready()).isTrue();
            assertThat(ready.body()).isEqualTo("Ready");
            ServerSettings s = client.settings();
            assertThat(s.kind()).isEqualTo(ServerKind.STANDIN);
            assertThat(s.flavour()).isEqualTo(flavour.equals("v1") ? ServerKind.V1 : ServerKind.V2);
            assertThat(s.speechEndpoint()).isEqualTo(flavour.equals("v2"));
            assertThat(clients.log.lines)
                    .anyMatch(l -> l.equals("INFO Connected to the built-in stand-in on " + "127.0.0.1:"
                            + standin.port() + " (engine " + s.engine() + ")"));
            assertThat(clients.metrics.calls).containsExactly("client.ready ok", "client.settings ok");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void voicesListTheVoicesFolder(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour)) {
            assertThat(clients.on(standin.port()).voices()).contains("female_01.wav", "male_01.wav");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void generateGivesAnAbsoluteUrlOnTheTargetAndTheFileDownloads(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour)) {
            AllTalkClientImpl client = clients.on(standin.port());
            GenerateResult r = client.generate(GenerateRequest.of("The quick brown fox jumps over the lazy dog."));
            // v1 gets every field, so TalkHost's name; v2 only the text, so the server's own default name
            String name = flavour.equals("v1") ? "talkhost" : "myoutputfile";
            assertThat(r.fileUrl().toString())
                    .matches("http://127\\.0\\.0\\.1:" + standin.port() + "/audio/" + name
                            + "_\\d{10}[0-9a-f]{5}\\.wav");
            assertThat(r.cacheUrl().toString()).startsWith("http://127.0.0.1:" + standin.port() + "/audiocache/");
            assertThat(r.filePath()).endsWith(".wav");
            byte[] wav = client.download(r.fileUrl());
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            assertThat(wav.length).isGreaterThan(10_000);
            assertThat(client.download(URI.create(r.fileUrl().getPath()))).isEqualTo(wav);
            assertThat(client.inFlight()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void streamGivesPcmAsItIsMade(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour)) {
            AllTalkClientImpl client = clients.on(standin.port());
            try (AudioStream stream = client.stream(GenerateRequest.of("Hello there. How are you today?"))) {
                assertThat(stream.sampleRate()).isEqualTo(24_000);
                assertThat(client.inFlight()).isEqualTo(1);
                InputStream pcm = stream.pcm();
                byte[] all = pcm.readAllBytes();
                assertThat(all.length).isGreaterThan(24_000).isEven();
            }
            assertThat(client.inFlight()).isZero();
            assertThat(client.ready().ready()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void speechOnlyWhereTheServerHasIt(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour)) {
            AllTalkClientImpl client = clients.on(standin.port());
            SpeechRequest request = new SpeechRequest("Hello there.", "nova", "wav", 1.0);
            if (flavour.equals("v2")) {
                byte[] wav = client.speech(request);
                assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            } else {
                assertThatThrownBy(() -> client.speech(request))
                        .isInstanceOf(ServerFailureException.class)
                        .hasMessage("This AllTalk (the built-in stand-in on 127.0.0.1:" + standin.port() + ") has "
                                + "no OpenAI-style speech endpoint; only AllTalk v2 offers it. Use ordinary speech "
                                + "generation instead.");
            }
            assertThatThrownBy(() -> client.speech(new SpeechRequest("Hi", "bob", "wav", 1)))
                    .isInstanceOf(flavour.equals("v2") ? RejectedInputException.class : ServerFailureException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void reloadAKnownEngineAndRefuseAnUnknownOne(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour, "--reload-seconds", "0")) {
            AllTalkClientImpl client = clients.on(standin.port());
            client.reload(flavour.equals("v1") ? "API Local" : "xtts - xttsv2_2.0.3");
            assertThatThrownBy(() -> client.reload("no-such-engine"))
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("could not load the engine \"no-such-engine\"");
            client.stopGeneration();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void aV1VoiceWithoutWavIsRefusedBeforeSendingButV2SendsIt(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour)) {
            AllTalkClientImpl client = clients.on(standin.port());
            GenerateRequest request = GenerateRequest.of("Hello").withVoice("female_01");
            if (flavour.equals("v1")) {
                assertThatThrownBy(() -> client.generate(request))
                        .isInstanceOf(RejectedInputException.class)
                        .hasMessageContaining(".wav files");
            } else {
                assertThatThrownBy(() -> client.generate(request))
                        .isInstanceOf(ServerFailureException.class)
                        .hasMessageContaining("most often it is the voice");
            }
        }
    }
}
