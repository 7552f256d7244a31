package org.talkhost.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.talkhost.api.notice.Messages;

/** The message catalog has every text the code asks for. */
class CatalogTest {
    private static final Pattern USE = Pattern.compile(
            "(?:messages|TEXT)\\.(?:text|info|warning|error|progress)\\((?:[^\"()]*, )?\"([a-z][a-z0-9_.]+)\"");

    @Test
    void everyKeyTheCodeUsesIsInTheCatalog() throws IOException {
        Messages messages = ProcessCatalog.TEXT;
        TreeSet<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/talkhost/process/internal"))) {
            for (Path f : files.toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    found++;
                    if (!messages.has(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(40);
        assertThat(missing).isEmpty();
    }
}
