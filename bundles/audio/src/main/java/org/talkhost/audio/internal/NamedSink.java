package org.talkhost.audio.internal;

import org.talkhost.api.audio.AudioSink;

/** A sink and the name it is registered under. */
record NamedSink(String name, AudioSink sink) {

    /** Asks the sink whether it can play; a sink that fails to answer cannot. */
    boolean available() {
        try {
            return sink.available();
        } catch (RuntimeException | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(NamedSink.class)
                    .warn(
                            "The sound output '{}' could not say whether it works and is skipped: {}",
                            name,
                            e.toString());
            return false;
        }
    }
}
