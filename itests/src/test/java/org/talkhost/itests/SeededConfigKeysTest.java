package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.talkhost.launcher.FeatureFile;

/**
 * Every key that the feature seeds into {@code config/PID.config} must be a property of that PID's
 * {@code @ObjectClassDefinition}, as the built bundles describe it in {@code OSGI-INF/metatype/*.xml}.
 * A key that no component reads is a setting a user edits in vain (issue 16, item 3:
 * {@code maxFileSizeMb} seeded, {@code maxFileSizeKb} read).
 */
class SeededConfigKeysTest {

    @Test
    void everySeededKeyIsASettingOfItsPid() throws Exception {
        FeatureFile feature =
                FeatureFile.read(TalkHostExam.source().resolve("features").resolve("talkhost.json"));
        Map<String, Set<String>> described = MetatypeFiles.keysByPid();
        assertThat(described)
                .as("PIDs described by the built bundles' metatype")
                .isNotEmpty();
        List<String> wrong = new ArrayList<>();
        feature.configurations.forEach((pid, values) -> {
            if (!pid.startsWith("org.talkhost.")) {
                return; // a third-party part (Felix HTTP's org.apache.felix.http) describes its PID in code, not XML
            }
            Set<String> keys = described.get(pid);
            if (keys == null) {
                wrong.add(pid + ": seeded, but no bundle describes this PID with an @ObjectClassDefinition");
                return;
            }
            for (String key : values.keySet()) {
                if (!keys.contains(key)) {
                    wrong.add(pid + ": seeded key '" + key + "' is not a setting (known: " + keys + ")");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }
}
