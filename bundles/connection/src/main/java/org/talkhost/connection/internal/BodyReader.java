package org.talkhost.connection.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.HttpEntity;
import org.talkhost.api.client.ServerFailureException;

/** Reads a body in full, refusing one larger than a limit (a wrong server, or one gone mad). */
final class BodyReader {
    /** JSON and text answers. */
    static final long TEXT_LIMIT = 1L << 20;
    /** Audio: WAV files and speech. */
    static final long AUDIO_LIMIT = 200L << 20;

    private BodyReader() {}

    static byte[] read(HttpEntity entity, long limit, String where, int status) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > limit) {
            throw tooLarge(where, status, limit, "Content-Length " + declared);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[8192];
        long total = 0;
        // Not closed here: closing drains the rest. At the end the connection goes back to the pool by
        // itself; on a failure the transport aborts the exchange first.
        InputStream in = entity.getContent();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                throw tooLarge(where, status, limit, "more than " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ServerFailureException tooLarge(String where, int status, long limit, String detail) {
        return new ServerFailureException(
                status,
                ConnectionCatalog.TEXT.text("failure.tooLarge", where, size(limit)),
                "answer from " + where + " too large: " + detail + " (limit " + limit + ")",
                null);
    }

    static String size(long bytes) {
        return bytes >= 1L << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }
}
