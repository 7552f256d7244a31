package org.talkhost.standin.files;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A file's modification time and size written the way AllTalk's HTTP answers show them: Python's
 * str() of the float mtime (AllTalk's /audiocache ETag, e.g. "1796230248.936"), Starlette's
 * FileResponse ETag (the quoted MD5 of "mtime-size") and Last-Modified (an RFC 1123 date in GMT).
 */
public record FileStamp(double mtime, long size) {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    public static FileStamp of(Path file) throws IOException {
        long micros = Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS);
        return new FileStamp(micros / 1e6, Files.size(file));
    }

    /** Python's str(float): the shortest digits that read back the same, never an exponent here. */
    public String pythonMtime() {
        String plain = new BigDecimal(Double.toString(mtime)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    public String starletteEtag() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest((pythonMtime() + "-" + size).getBytes(StandardCharsets.US_ASCII));
            return "\"" + HexFormat.of().formatHex(md5) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** As Python's email.utils.formatdate(mtime, usegmt=True): "Wed, 02 Dec 2026 17:43:02 GMT". */
    public String httpDate() {
        return HTTP_DATE.format(Instant.ofEpochSecond((long) mtime).atZone(ZoneOffset.UTC));
    }
}
