package org.talkhost.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret that every change through the control API must carry ({@code Authorization: Bearer}):
 * {@code runtime/control.token}, made at the first start (random, readable by its owner only, mode
 * 0600) and kept afterwards, so scripts and {@code ./talkhost --exec} can read it.
 */
final class ControlToken {
    static final String FILE = "control.token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String value;

    private ControlToken(String value) {
        this.value = value;
    }

    /** Reads {@code runtime/control.token}, or makes it when missing; its mode is made 0600 either way. */
    static ControlToken inFolder(Path runtime) throws IOException {
        Files.createDirectories(runtime);
        Path file = runtime.resolve(FILE);
        if (!Files.isRegularFile(file)
                || Files.readString(file, StandardCharsets.US_ASCII).isBlank()) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException raced) {
                return inFolder(runtime);
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply
        }
        return new ControlToken(
                Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    static ControlToken of(String value) {
        return new ControlToken(value);
    }

    /** True when the {@code Authorization} header carries this token (compared in constant time). */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, value.getBytes(StandardCharsets.UTF_8));
    }
}
