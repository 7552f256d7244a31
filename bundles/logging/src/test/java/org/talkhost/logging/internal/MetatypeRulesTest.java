package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;

import org.junit.jupiter.api.Test;

class MetatypeRulesTest {

    @Test
    void theRulesOfThisBundlesOwnMetatypeAreRead() throws Exception {
        Map<String, Map<String, SettingRule>> byPid = new HashMap<>();
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("OSGI-INF/metatype/org.talkhost.logging.xml")) {
            assertThat(in).as("bnd wrote the metatype of LoggingConfig").isNotNull();
            MetatypeRules.read(f.newSAXParser(), in, byPid);
        }

        Map<String, SettingRule> rules = byPid.get("org.talkhost.logging");
        assertThat(rules).containsKeys("folder", "level", "maxFileSizeMb", "maxFiles", "summaryIntervalMinutes");
        assertThat(rules.get("maxFileSizeMb"))
                .isEqualTo(new SettingRule("maxFileSizeMb", "Integer", false, "1", "2048", List.of()));
        assertThat(rules.get("level").options()).containsExactly("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
        assertThat(rules.get("folder").min()).isEmpty();
        assertThat(rules.get("maxFileSizeMb").refusal(4096)).contains("2048");
        assertThat(rules.get("maxFileSizeMb").refusal(20)).isNull();
        assertThat(rules.get("level").refusal("LOUD")).isNotNull();
    }
}
