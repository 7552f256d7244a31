package org.talkhost.audio.internal;

import java.util.Locale;

import org.talkhost.api.notice.Notice;

/** The checks on what AllTalk sends: sound (a readable 16-bit WAV with samples), and not silence. */
final class SpeechChecks {
    private final AudioNotices notices;
    private final double minRms;

    SpeechChecks(AudioNotices notices, double minRms) {
        this.notices = notices;
        this.minRms = minRms;
    }

    /** The samples of a WAV file, or a plain "not sound" failure. */
    Pcm parse(byte[] wav) {
        try {
            return WavReader.read(wav);
        } catch (NotSoundException e) {
            throw notSound(e);
        }
    }

    NotSpeechException notSound(NotSoundException e) {
        String lookedLike = notices.text(e.lookedLike(), e.args());
        return new NotSpeechException(
                "audio.not-sound", Notice.Level.ERROR, notices.text("audio.not-sound", lookedLike), e.getMessage());
    }

    /** Fails with a plain "silence" message when the sound is too quiet to be speech. */
    void requireAudible(PcmMeter meter, String text, double seconds) {
        if (minRms > 0 && meter.rms() < minRms) {
            String secs = String.format(Locale.ROOT, "%.1f", seconds);
            throw new NotSpeechException(
                    "audio.silence",
                    Notice.Level.WARNING,
                    notices.text("audio.silence", AudioNotices.excerpt(text), secs),
                    String.format(Locale.ROOT, "RMS %.5f below the floor %.5f over %s s", meter.rms(), minRms, secs));
        }
    }
}
