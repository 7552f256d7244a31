package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every numeric setting of every TalkHost PID has a range in its metatype (issue 16, item 5), so that
 * {@code alltalk:config} and the configuration guard can refuse a value such as a negative timeout.
 */
class SettingRangesTest {

    @Test
    void everyNumericSettingHasAMinimumAndAMaximum() throws Exception {
        Map<String, Map<String, MetatypeFiles.Attribute>> all = MetatypeFiles.attributesByPid();
        assertThat(all)
                .as("PIDs described by the built bundles")
                .containsKeys(
                        "org.talkhost.alltalk", "org.talkhost.health", "org.talkhost.logging", "org.talkhost.process");
        List<String> open = new ArrayList<>();
        all.forEach((pid, ads) -> ads.values().stream()
                .filter(MetatypeFiles.Attribute::numeric)
                .filter(a -> a.min().isEmpty() || a.max().isEmpty())
                .forEach(a -> open.add(pid + " " + a.id() + " (min '" + a.min() + "', max '" + a.max() + "')")));
        assertThat(open).isEmpty();
        assertThat(all.get("org.talkhost.alltalk").get("healthTimeoutSeconds").min())
                .isEqualTo("0.1");
    }
}
