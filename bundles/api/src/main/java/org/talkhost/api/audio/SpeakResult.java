package org.talkhost.api.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What became of one request.
 *
 * @param text            what was said
 * @param sinks           the sinks it was played through
 * @param file            the WAV written, when one was
 * @param audioSeconds    length of the audio
 * @param rms             loudness (0..1 of full scale), to tell speech from silence
 * @param timeToFirstAudio from the request to the first sound handed to a sink
 * @param took            from the request to the end
 * @param streamed        whether it was streamed
 */
public record SpeakResult(
        String text,
        List<String> sinks,
        Path file,
        double audioSeconds,
        double rms,
        Duration timeToFirstAudio,
        Duration took,
        boolean streamed) {}
