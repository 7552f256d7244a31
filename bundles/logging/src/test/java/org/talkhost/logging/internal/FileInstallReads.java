package org.talkhost.logging.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import org.apache.felix.fileinstall.shaded.util.properties.TypedProperties;

/** What FileInstall 3.7.4 itself makes of a .config file (its own reader), as Config Admin receives it. */
final class FileInstallReads {
    private FileInstallReads() {}

    static Hashtable<String, Object> read(Path file) throws IOException {
        TypedProperties p = new TypedProperties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Hashtable<String, Object> out = new Hashtable<>();
        for (String k : p.keySet()) {
            out.put(k, p.get(k));
        }
        out.put(ConfigGuard.FILENAME, file.toUri().toString());
        out.put("service.pid", file.getFileName().toString().replace(".config", ""));
        return out;
    }
}
