package org.talkhost.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;

import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void threadsAreDaemonsNamedAfterTheirOwner() {
        ThreadFactory f = Threads.named("talkhost-health");
        Thread first = f.newThread(() -> {});
        Thread second = f.newThread(() -> {});
        assertThat(first.getName()).isEqualTo("talkhost-health");
        assertThat(second.getName()).isEqualTo("talkhost-health-2");
        assertThat(first.isDaemon()).isTrue();
    }
}
