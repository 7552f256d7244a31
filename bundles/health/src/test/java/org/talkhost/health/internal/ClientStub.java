package org.talkhost.health.internal;

import java.time.Duration;

import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.config.ServerAddress;
import org.talkhost.common.testing.UnsupportedClient;

/** The parts of {@link AllTalkClient} the health bundle never uses; test clients extend it. */
abstract class ClientStub extends UnsupportedClient {

    @Override
    public ReadyAnswer ready() {
        return ready(Duration.ofMillis(1500));
    }

    @Override
    public ServerAddress target() {
        return new ServerAddress("127.0.0.1", 7851);
    }

    @Override
    public void target(ServerAddress address) {}

    @Override
    public int inFlight() {
        return 0;
    }

    @Override
    public void stopGeneration() {}
}
