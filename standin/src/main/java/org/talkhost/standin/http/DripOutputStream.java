package org.talkhost.standin.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** Sends every byte on its own, flushed, with a pause before the next: a very slow server. */
final class DripOutputStream extends FilterOutputStream {

    private final int pauseMs;

    DripOutputStream(OutputStream out, int pauseMs) {
        super(out);
        this.pauseMs = pauseMs;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        out.flush();
        try {
            Thread.sleep(pauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while sending slowly");
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            write(b[off + i]);
        }
    }
}
