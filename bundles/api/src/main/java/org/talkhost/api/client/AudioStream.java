package org.talkhost.api.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Speech as it is produced: raw 16-bit little-endian mono PCM (the WAV header already read).
 * Closing before the end cancels the generation on the server.
 */
public interface AudioStream extends Closeable {

    int sampleRate();

    /** The PCM bytes as they arrive; the first bytes come before the rest are generated. */
    InputStream pcm();

    /** Stops reading and asks AllTalk to stop generating. */
    void cancel();

    @Override
    void close() throws IOException;
}
