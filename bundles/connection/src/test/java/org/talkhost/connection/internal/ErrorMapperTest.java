package org.talkhost.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.RejectedInputException;
import org.talkhost.api.client.ServerFailureException;

class ErrorMapperTest {

    private static Answer answer(int status, String body) {
        return new Answer(status, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1:7851", "/api/tts-generate");
    }

    @Test
    void a400ErrorNamesTheFieldItComplainsAbout() {
        AllTalkException e = ErrorMapper.map(answer(
                400,
                "{\"error\":\"character_voice_gen needs to be the name "
                        + "of a valid voice for the loaded TTS engine.\"}"));
        assertThat(e).isInstanceOf(RejectedInputException.class);
        assertThat(((RejectedInputException) e).field()).isEqualTo("character_voice_gen");
        assertThat(e.getMessage())
                .startsWith("AllTalk did not accept the character_voice_gen: character_voice_gen "
                        + "needs to be the name of a valid voice")
                .endsWith("Correct it and try again.");
        assertThat(e.detail()).contains("400 /api/tts-generate");
    }

    @Test
    void a422TakesTheFieldFromLoc() {
        AllTalkException e = ErrorMapper.map(answer(
                422,
                "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\","
                        + "\"text_filtering\"],\"msg\":\"Field required\",\"input\":null}]}"));
        assertThat(e).isInstanceOf(RejectedInputException.class);
        assertThat(((RejectedInputException) e).field()).isEqualTo("text_filtering");
        assertThat(e.getMessage()).contains("the text_filtering: it is missing");
    }

    @Test
    void noModelLoadedIsAServerFailureThatSaysWhatToDo() {
        AllTalkException e = ErrorMapper.map(answer(400, "{\"detail\":\"You currently have no TTS model loaded.\"}"));
        assertThat(e).isInstanceOf(ServerFailureException.class);
        assertThat(((ServerFailureException) e).status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("has no voice model loaded").contains("alltalk:reload");
    }

    @Test
    void a500InPlainTextKeepsWhatAllTalkSaid() {
        AllTalkException e = ErrorMapper.map(answer(500, "Internal Server Error"));
        assertThat(e).isInstanceOf(ServerFailureException.class);
        assertThat(e.getMessage())
                .contains("could not do this (it said: Internal Server Error)")
                .contains("alltalk:restart");
    }

    @Test
    void a500GenerateFailureGivesItsError() {
        AllTalkException e =
                ErrorMapper.map(answer(500, "{\"status\":\"generate-failure\",\"error\":\"An error " + "occurred\"}"));
        assertThat(e).isInstanceOf(ServerFailureException.class);
        assertThat(e.getMessage()).contains("(it said: An error occurred)");
    }

    @Test
    void v2sAnswerToAnUnknownVoicePointsAtTheVoice() {
        AllTalkException e = ErrorMapper.map(
                answer(500, "{\"status\":\"generate-failure\",\"error\":\"TTS generation " + "failed\"}"));
        assertThat(e.getMessage())
                .contains("(it said: TTS generation failed)")
                .contains("most often it is the voice")
                .contains("alltalk:voices")
                .contains("alltalk:restart");
    }

    @Test
    void outOfMemoryAndNotFoundAreExplained() {
        assertThat(ErrorMapper.map(answer(507, "{\"detail\":\"CUDA out of memory\"}"))
                        .getMessage())
                .contains("ran out of memory")
                .contains("shorter text");
        AllTalkException missing = ErrorMapper.map(answer(404, "{\"detail\":\"Not Found\"}"));
        assertThat(missing.getMessage()).contains("does not offer /api/tts-generate");
        assertThat(((ServerFailureException) missing).status()).isEqualTo(404);
        assertThat(ErrorMapper.map(answer(404, "{\"status\":\"generate-failure\",\"error\":\"Resource not found\"}"))
                        .getMessage())
                .contains("most often it is the voice");
    }

    @Test
    void anHtmlErrorPageIsNotQuotedToPeople() {
        AllTalkException e = ErrorMapper.map(answer(502, "<html><body><h1>Bad Gateway</h1></body></html>"));
        assertThat(e).isInstanceOf(ServerFailureException.class);
        assertThat(e.getMessage()).doesNotContain("<html>").contains("no reason given");
        assertThat(e.detail()).contains("<html>");
    }

    @Test
    void a200WithStatusErrorIsAFailure() {
        Answer a = answer(200, "{\"status\":\"error\",\"message\":\"No voices for the engine piper\"}");
        assertThatThrownBy(() -> ErrorMapper.check(Json.parse(a), a))
                .isInstanceOf(ServerFailureException.class)
                .hasMessageContaining("(it said: No voices for the engine piper)");
        Answer fine = answer(200, "{\"status\":\"generate-success\"}");
        ErrorMapper.check(Json.parse(fine), fine);
    }

    @Test
    void theFieldNamedFirstWins() {
        assertThat(ErrorMapper.fieldIn("text_input needs to be 2000 characters or less."))
                .isEqualTo("text_input");
        assertThat(ErrorMapper.fieldIn("narrator_voice_gen needs a voice")).isEqualTo("narrator_voice_gen");
        assertThat(ErrorMapper.fieldIn("something else")).isEmpty();
    }

    @Test
    void invalidJsonIsAServerFailureNotAJacksonException() {
        for (String body : new String[] {"{\"voices\":[\"a\"", "<html>oops</html>", "", "{\"a\":1} trailing"}) {
            Answer a = answer(200, body);
            assertThatThrownBy(() -> Json.parse(a))
                    .isInstanceOf(ServerFailureException.class)
                    .hasMessageContaining("gave an answer TalkHost cannot read");
        }
    }
}
