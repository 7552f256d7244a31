package org.talkhost.audio.internal;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The sound output of this machine, replaceable in tests. */
interface OutputDevice {

    /** Whether a device that can play 16-bit sound is there. */
    boolean present();

    /** An opened line for {@code format}. */
    SourceDataLine open(AudioFormat format) throws LineUnavailableException;
}
