package org.talkhost.audio.internal;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The machine's default sound output, through javax.sound.sampled. */
final class JavaSoundOutput implements OutputDevice {
    /** AllTalk's format: 24 kHz, 16-bit, mono. */
    static final AudioFormat SPEECH = new AudioFormat(24000, 16, 1, true, false);

    private static final double BUFFER_SECONDS = 0.25;

    @Override
    public boolean present() {
        try {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, SPEECH));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public SourceDataLine open(AudioFormat format) throws LineUnavailableException {
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
        } catch (IllegalArgumentException e) {
            throw (LineUnavailableException) new LineUnavailableException(e.getMessage()).initCause(e);
        }
        int buffer = (int) (format.getFrameRate() * format.getFrameSize() * BUFFER_SECONDS);
        line.open(format, buffer - buffer % format.getFrameSize());
        return line;
    }
}
