package org.talkhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

class ValuesTest {

    private static AttributeDefinition text(String... options) {
        AttributeDefinition def = mock(AttributeDefinition.class);
        when(def.getType()).thenReturn(AttributeDefinition.STRING);
        when(def.getCardinality()).thenReturn(0);
        when(def.getOptionValues()).thenReturn(options);
        return def;
    }

    @Test
    void aTextSettingWhoseMetatypeListsNoOptionsTakesAnyText() {
        // Felix's metatype reader gives an empty option list, not null, for a plain String property
        assertThat(Values.convert("C:\\AllTalk {x}", "old", text(), "installDir"))
                .isEqualTo("C:\\AllTalk {x}");
    }

    @Test
    void aTextSettingWithOptionsRefusesOthersAndNamesTheChoices() {
        assertThat(Values.convert("external", "managed", text("managed", "external"), "mode"))
                .isEqualTo("external");
        assertThatThrownBy(() -> Values.convert("sometimes", "managed", text("managed", "external"), "mode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one of managed, external");
    }
}
