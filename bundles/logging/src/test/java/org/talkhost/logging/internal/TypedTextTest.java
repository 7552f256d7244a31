package org.talkhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void readsTheTypedFormatAsFileInstallMeansIt() throws Exception {
        assertThat(TypedText.decode("I\"12\"")).isEqualTo(12);
        assertThat(TypedText.decode(" D\"1.5\" ")).isEqualTo(1.5);
        assertThat(TypedText.decode("B\"true\"")).isEqualTo(true);
        assertThat(TypedText.decode("I[\"7851\", \"7852\"]")).isEqualTo(new Integer[] {7851, 7852});
        assertThat(TypedText.decode("\"C:\\\\\\\\Users\\\\\\\\J\\\\\"o\\\\\" \\u00fc\""))
                .isEqualTo("C:\\Users\\J\"o\" \u00fc");
    }

    @Test
    void refusesWhatFileInstallWouldTakeInAnotherSense() {
        assertThatThrownBy(() -> TypedText.decode("D\"5\"")).hasMessageContaining("write D\"5.0\"");
        assertThatThrownBy(() -> TypedText.decode("I\"seven\"")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> TypedText.decode("7851")).hasMessageContaining("double quotes");
        assertThatThrownBy(() -> TypedText.decode("\"open")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> TypedText.decode("B\"yes\"")).hasMessageContaining("B\"true\"");
    }

    @Test
    void aRuleNamesItsRangeInPlainWords() {
        SettingRule timeout = new SettingRule("healthTimeoutSeconds", "Double", false, "0.1", "60", List.of());
        assertThat(timeout.refusal(-3.0))
                .isEqualTo("healthTimeoutSeconds must be a number from 0.1 to 60; -3.0 is outside that range.");
        assertThat(timeout.refusal(1.5)).isNull();
        assertThat(timeout.refusal(2.5E-323)).contains("D\"5.0\"");
        SettingRule ports = new SettingRule("ports", "Integer", true, "1", "65535", List.of());
        assertThat(ports.refusal(new Integer[] {7851, 0})).contains("from 1 to 65535; 0 is outside");
        assertThat(ports.refusal("I[\"7851\"]")).contains("must be a whole number");
        SettingRule mode = new SettingRule("mode", "String", false, "", "", List.of("auto", "standin"));
        assertThat(mode.refusal("\"auto\"")).contains("one of auto, standin");
    }
}
