package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.talkhost.api.client.GenerateRequest;
import org.talkhost.api.client.RejectedInputException;

class GenerateFormTest {

    @Test
    void v1GetsEveryRequiredFieldFilledIn() {
        Map<String, String> f = GenerateForm.v1(GenerateRequest.of("Hello there."));
        assertThat(f)
                .containsExactly(
                        entry("text_input", "Hello there."),
                        entry("text_filtering", "standard"),
                        entry("character_voice_gen", "female_01.wav"),
                        entry("narrator_enabled", "false"),
                        entry("narrator_voice_gen", "male_01.wav"),
                        entry("text_not_inside", "character"),
                        entry("language", "en"),
                        entry("output_file_name", "talkhost"),
                        entry("output_file_timestamp", "true"),
                        entry("autoplay", "false"),
                        entry("autoplay_volume", "0.8"));
    }

    @Test
    void v1TakesOverridesForItsOwnFieldsOnly() {
        GenerateRequest r = new GenerateRequest(
                "Hi",
                "male_02.wav",
                "de",
                "",
                true,
                "greeting",
                false,
                Map.of("text_filtering", "none", "temperature", "0.7"));
        Map<String, String> f = GenerateForm.v1(r);
        assertThat(f)
                .contains(
                        entry("character_voice_gen", "male_02.wav"),
                        entry("language", "de"),
                        entry("narrator_enabled", "true"),
                        entry("output_file_name", "greeting"),
                        entry("output_file_timestamp", "false"),
                        entry("text_filtering", "none"));
        assertThat(f).doesNotContainKey("temperature");
    }

    @Test
    void v1RefusesAVoiceWithoutWavBeforeSending() {
        RejectedInputException e = catchThrowableOfType(
                RejectedInputException.class,
                () -> GenerateForm.v1(GenerateRequest.of("Hi").withVoice("female_01")));
        assertThat(e.field()).isEqualTo("character_voice_gen");
        assertThat(e.getMessage())
                .contains("\"female_01\"")
                .contains(".wav files")
                .contains("alltalk:voices");
    }

    @Test
    void v1RefusesALanguageItDoesNotSpeak() {
        RejectedInputException e = catchThrowableOfType(
                RejectedInputException.class,
                () -> GenerateForm.v1(GenerateRequest.of("Hi").withLanguage("auto")));
        assertThat(e.field()).isEqualTo("language");
        assertThat(e.getMessage()).contains("\"auto\"").contains("en, fr, de");
    }

    @Test
    void v1RefusesABadFileNameAndTooLongText() {
        GenerateRequest badName = new GenerateRequest("Hi", "", "", "", false, "my file.wav", true, Map.of());
        assertThat(catchThrowableOfType(RejectedInputException.class, () -> GenerateForm.v1(badName))
                        .field())
                .isEqualTo("output_file_name");
        RejectedInputException tooLong = catchThrowableOfType(
                RejectedInputException.class, () -> GenerateForm.v1(GenerateRequest.of("a".repeat(2001))));
        assertThat(tooLong.field()).isEqualTo("text_input");
        assertThat(tooLong.getMessage()).contains("2001 characters").contains("at most 2000");
        assertThat(GenerateForm.v1(GenerateRequest.of("a".repeat(2000)))).containsKey("text_input");
    }

    @Test
    void v2SendsOnlyTheTextAndTheFieldsGivenWithNarratorAsAString() {
        assertThat(GenerateForm.v2(GenerateRequest.of("Hello")))
                .containsOnly(
                        entry("text_input", "Hello"),
                        entry("narrator_enabled", "false"),
                        entry("output_file_timestamp", "true"));
        GenerateRequest r =
                new GenerateRequest("Hello", "voiceset:bob", "auto", "", true, "", true, Map.of("speed", "1.2"));
        assertThat(GenerateForm.v2(r))
                .contains(
                        entry("character_voice_gen", "voiceset:bob"),
                        entry("language", "auto"),
                        entry("narrator_enabled", "true"),
                        entry("speed", "1.2"))
                .doesNotContainKeys("text_filtering", "narrator_voice_gen", "autoplay");
    }

    @Test
    void streamingQueryHasTheFourFieldsAndChecksV1Voices() {
        assertThat(GenerateForm.streaming(GenerateRequest.of("Hi"), false))
                .containsExactly(
                        entry("text", "Hi"),
                        entry("voice", "female_01.wav"),
                        entry("language", "en"),
                        entry("output_file", "talkhost_stream"));
        assertThat(catchThrowableOfType(
                                RejectedInputException.class,
                                () -> GenerateForm.streaming(
                                        GenerateRequest.of("Hi").withVoice("bob"), true))
                        .field())
                .isEqualTo("voice");
    }
}
