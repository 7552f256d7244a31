package org.talkhost.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void buckets_areCumulative_inPrometheusText() {
        LatencyHistogram h = new LatencyHistogram();
        h.observe(Duration.ofMillis(3));
        h.observe(Duration.ofMillis(30));
        h.observe(Duration.ofSeconds(9));
        String text = h.render("talkhost_health_check_seconds", "help");
        assertThat(text)
                .contains("# TYPE talkhost_health_check_seconds histogram")
                .contains("talkhost_health_check_seconds_bucket{le=\"0.005\"} 1")
                .contains("talkhost_health_check_seconds_bucket{le=\"0.05\"} 2")
                .contains("talkhost_health_check_seconds_bucket{le=\"5.0\"} 2")
                .contains("talkhost_health_check_seconds_bucket{le=\"+Inf\"} 3")
                .contains("talkhost_health_check_seconds_count 3");
    }
}
