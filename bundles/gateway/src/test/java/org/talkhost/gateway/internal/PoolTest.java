package org.talkhost.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.InstanceIdentity;
import org.talkhost.common.testing.Configs;

class PoolTest {

    /** An instance that has answered Ready once (a new one gets no requests before). */
    private static AllTalkWhere member(String name, int weight, int port) {
        AllTalkWhere m = new AllTalkWhere(
                Configs.of(AllTalkSettings.class, "weight", weight, "ports", new int[] {port}),
                Configs.of(InstanceIdentity.class, "talkhost_instance", name));
        assertThat(m.unusable()).as("a new instance, before it answered Ready").isNotNull();
        m.up();
        return m;
    }

    @Test
    void requestsGoToTheLeastBusyInstanceForItsWeight() {
        Pool pool = new Pool();
        AllTalkWhere a = member("a", 1, 7901);
        AllTalkWhere b = member("b", 1, 7902);
        AllTalkWhere big = member("big", 2, 7903);
        pool.add(a);
        pool.add(b);
        pool.add(big);
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            AllTalkWhere m = pool.leastBusy();
            m.began(); // none ends: in flight only grows
            got.merge(m.instance(), 1, Integer::sum);
        }
        assertThat(got).containsEntry("a", 10).containsEntry("b", 10).containsEntry("big", 20);
    }

    @Test
    void aBurstOfRequestsArrivingTogetherIsSpreadEvenly() throws Exception {
        Pool pool = new Pool();
        pool.add(member("a", 1, 7901));
        pool.add(member("b", 1, 7902));
        pool.add(member("c", 1, 7903));
        int requests = 60;
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Integer> got = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(callers.submit(() -> {
                    go.await();
                    // none ends while the burst lasts, as when AllTalk is slower than the requests come
                    got.merge(pool.take("POST", "/api/tts-generate").instance(), 1, Integer::sum);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> c : calls) {
                c.get(10, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(got).containsEntry("a", 20).containsEntry("b", 20).containsEntry("c", 20);
    }

    @Test
    void anInstanceSeenFailingGetsNothingUntilItIsBack_andNoneReadyIsSaid() {
        Pool pool = new Pool();
        AllTalkWhere a = member("a", 1, 7901);
        AllTalkWhere b = member("b", 1, 7902);
        pool.add(a);
        pool.add(b);
        assertThat(pool.anyFailed()).as("nothing to ask again while all answer").isFalse();
        a.down("AllTalk did not answer on 127.0.0.1:7901");
        assertThat(pool.anyFailed()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(pool.leastBusy()).isSameAs(b);
        }
        b.down("AllTalk stopped while answering on 127.0.0.1:7902");
        assertThat(pool.leastBusy()).isNull();
        assertThat(pool.noneReady()).contains("instance 'a': AllTalk did not answer", "instance 'b': AllTalk stopped");
        a.up();
        assertThat(pool.leastBusy()).isSameAs(a);
        b.up();
        assertThat(pool.anyFailed()).isFalse();
    }

    @Test
    void anAudioFileIsFetchedFromTheInstanceThatMadeIt() {
        Pool pool = new Pool();
        AllTalkWhere a = member("a", 1, 7901);
        AllTalkWhere b = member("b", 1, 7902);
        pool.add(a);
        pool.add(b);
        pool.made(
                "{\"status\":\"generate-success\",\"output_file_url\":\"/audio/pool_1.wav\","
                        + "\"output_cache_url\":\"http://127.0.0.1:7902/audio/pool_1.wav\"}",
                b);
        b.began();
        b.began(); // b is the busier one
        assertThat(pool.pick("GET", "/audio/pool_1.wav")).isSameAs(b);
        assertThat(pool.pick("GET", "/audio/other.wav")).isSameAs(a);
        assertThat(pool.pick("POST", "/api/tts-generate")).isSameAs(a);
        pool.remove(b);
        assertThat(pool.pick("GET", "/audio/pool_1.wav"))
                .as("its maker left: any instance")
                .isSameAs(a);
    }
}
