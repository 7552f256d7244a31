package org.talkhost.standin.speech;

import java.io.IOException;

/** Turns one sentence into mono 16-bit audio at 24 000 Hz. */
public interface Speech {

    /**
     * @param voice    an AllTalk voice name, e.g. "female_01.wav"
     * @param language an AllTalk language code, e.g. "en" or "zh-cn"
     * @param speed    1.0 is normal
     */
    short[] speak(String sentence, String voice, String language, double speed) throws IOException;

    /** What /api/currentsettings reports as "standin_voice". */
    String kind();
}
