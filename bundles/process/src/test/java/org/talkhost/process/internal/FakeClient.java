package org.talkhost.process.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.client.UnavailableException;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.common.testing.UnsupportedClient;

/** Only {@code ready}: a real GET /api/ready on the target, unless the test says the server hangs. */
final class FakeClient extends UnsupportedClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    volatile ServerAddress target = new ServerAddress("127.0.0.1", 7851);
    volatile boolean hung;
    final AtomicInteger readyCalls = new AtomicInteger();

    @Override
    public ServerAddress target() {
        return target;
    }

    @Override
    public void target(ServerAddress address) {
        target = address;
    }

    @Override
    public ReadyAnswer ready() {
        return ready(Duration.ofMillis(1500));
    }

    @Override
    public ReadyAnswer ready(Duration timeout) {
        readyCalls.incrementAndGet();
        if (hung) {
            throw new UnavailableException("AllTalk isn't answering.", "test: hung", null);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(target.base().resolve("/api/ready"))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ReadyAnswer(
                    "Ready".equals(r.body().trim()), r.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UnavailableException("AllTalk isn't answering.", e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted.", "", e);
        }
    }

    @Override
    public int inFlight() {
        return 0;
    }
}
