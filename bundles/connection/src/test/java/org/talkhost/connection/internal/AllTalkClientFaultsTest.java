package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talkhost.api.client.BusyException;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.GenerateResult;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.ServerFailureException;
import org.talkhost.api.client.UnavailableException;

/** The client against the stand-in's faults: refused, hang, drip, 500, malformed JSON, no model, busy. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AllTalkClientFaultsTest {
    private final TestClients clients = new TestClients();

    @AfterEach
    void stop() {
        clients.stopAll();
    }

    @Test
    void aRefusedConnectionIsTriedSixTimesWithGrowingWaitsThenExplained() throws Exception {
        int port = HttpTransportTest.freePort();
        AllTalkClientImpl client = clients.on(port, "retryJitter", 0.0);
        UnavailableException e = catchThrowableOfType(UnavailableException.class, client::voices);
        assertThat(e.getMessage())
                .isEqualTo(
                        "AllTalk isn't answering on 127.0.0.1:" + port + ". It may still be "
                                + "loading its voice model or it may have stopped. TalkHost keeps trying; check alltalk:status.");
        assertThat(clients.waits)
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(8));
        assertThat(clients.log.lines)
                .contains("INFO GET /api/voices: AllTalk on 127.0.0.1:" + port + " did not "
                        + "accept the connection, attempt 3 of 6, waiting 4 s");
        assertThat(clients.log.lines)
                .filteredOn(l -> l.startsWith("WARNING No connection to AllTalk on"))
                .hasSize(1);
        assertThat(clients.metrics.calls).containsExactly("client.voices failed");
    }

    @Test
    void generationIsNeverTriedAgain() throws Exception {
        AllTalkClientImpl client = clients.on(HttpTransportTest.freePort());
        assertThatThrownBy(() -> client.generate(GenerateRequest.of("Hello"))).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(client::ready).isInstanceOf(UnavailableException.class);
        // the kind is looked up first (a GET, tried again); the generation itself is not reached
        assertThat(clients.waits).hasSize(5);
        clients.waits.clear();
        client.target(new org.talkhost.api.config.ServerAddress("127.0.0.1", HttpTransportTest.freePort()));
        assertThatThrownBy(client::stopGeneration).isInstanceOf(UnavailableException.class);
        assertThat(clients.waits).isEmpty();
    }

    @Test
    void aServerThatHangsGivesBusyWithinTheReadyTimeout() throws Exception {
        try (InProcessStandin standin = InProcessStandin.start("v2", "--hang")) {
            AllTalkClientImpl client = clients.on(standin.port(), "healthTimeoutSeconds", 0.5);
            long start = System.nanoTime();
            BusyException e = catchThrowableOfType(BusyException.class, client::ready);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
            assertThat(e.getMessage()).contains("did not answer within 0.5 seconds");
            assertThat(clients.waits).isEmpty();
        }
    }

    @Test
    void aSlowDripIsFineWithinTheTimeoutAndBusyBeyondIt() throws Exception {
        try (InProcessStandin standin = InProcessStandin.start("v1", "--drip-ms", "20")) {
            AllTalkClientImpl client = clients.on(standin.port(), "apiTimeoutSeconds", 0.5);
            assertThat(client.ready().ready()).isTrue();
            assertThatThrownBy(client::voices).isInstanceOf(BusyException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void aFailedGenerationIsAServerFailureWithWhatAllTalkSaid(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour, "--fail-generate")) {
            AllTalkClientImpl client = clients.on(standin.port());
            ServerFailureException e = catchThrowableOfType(
                    ServerFailureException.class, () -> client.generate(GenerateRequest.of("Hello there.")));
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage())
                    .startsWith("AllTalk on 127.0.0.1:" + standin.port() + " could not do this " + "(it said: ")
                    .contains("alltalk:restart");
            assertThat(client.inFlight()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void malformedJsonIsAClearServerFailure(String flavour) throws Exception {
        try (InProcessStandin standin = InProcessStandin.start(flavour, "--malformed-json")) {
            AllTalkClientImpl client = clients.on(standin.port());
            assertThatThrownBy(client::voices)
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("gave an answer TalkHost cannot read");
            assertThatThrownBy(client::settings).isInstanceOf(ServerFailureException.class);
            assertThat(client.ready().ready()).isTrue();
        }
    }

    @Test
    void noModelLoadedIsNotReadyAndGenerationSaysWhy() throws Exception {
        try (InProcessStandin standin = InProcessStandin.start("v2", "--unloaded-forever")) {
            AllTalkClientImpl client = clients.on(standin.port());
            ReadyAnswer ready = client.ready();
            assertThat(ready.ready()).isFalse();
            assertThat(ready.body()).isEqualTo("Unloaded");
            assertThatThrownBy(() -> client.generate(GenerateRequest.of("Hello")))
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("has no voice model loaded");
        }
    }

    @Test
    void whileAllTalkGeneratesTheGenerationIsInFlightAndReadyIsBusy() throws Exception {
        try (InProcessStandin standin = InProcessStandin.start("v1", "--generate-seconds", "2")) {
            AllTalkClientImpl client = clients.on(standin.port(), "healthTimeoutSeconds", 0.3);
            client.settings();
            CompletableFuture<GenerateResult> speaking =
                    CompletableFuture.supplyAsync(() -> client.generate(GenerateRequest.of("One. Two.")));
            await().atMost(Duration.ofSeconds(5)).until(() -> client.inFlight() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThatThrownBy(client::ready).isInstanceOf(BusyException.class));
            assertThat(speaking.get().fileUrl()).isNotNull();
            assertThat(client.inFlight()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> client.ready().ready());
        }
    }
}
