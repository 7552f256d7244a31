package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.felix.fileinstall.shaded.util.properties.TypedProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the seeder writes, read back by FileInstall 3.7.4's own reader, is exactly what was meant. */
class ConfigSeederTest {

    private static Map<String, Object> fileInstallReads(Path file) throws Exception {
        TypedProperties p = new TypedProperties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        p.keySet().forEach(k -> out.put(k, p.get(k)));
        return out;
    }

    @Test
    void textWithQuotesBackslashesSpacesBracesAndNonAsciiRoundTrips(@TempDir Path dir) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        String path = "C:\\Users\\J\u00fcrgen \"the voice\"\\AllTalk {v2} ${user.home} \u65e5\u672c\\";
        values.put("installDir", path);
        values.put("standinArgs", "--load-seconds 3\t--say \"a\\nb\"\nsecond line");
        values.put("python", "");
        values.put("ports", new String[] {"a,b", "c\"d"});
        ConfigSeeder.writeMissing(dir, Map.of("org.talkhost.alltalk", values));

        Map<String, Object> read = fileInstallReads(dir.resolve("org.talkhost.alltalk.config"));
        assertThat(read.get("installDir")).isEqualTo(path);
        assertThat(read.get("standinArgs")).isEqualTo(values.get("standinArgs"));
        assertThat(read.get("python")).isEqualTo("");
        assertThat(read.get("ports")).isEqualTo(new String[] {"a,b", "c\"d"});
    }

    @Test
    void decimalsAlwaysHaveAPointSoTheyAreNotReadAsRawBits(@TempDir Path dir) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("apiTimeoutSeconds", 5.0);
        values.put("generateTimeoutSeconds", 120d);
        values.put("tiny", 1e-5);
        values.put("huge", 1e20);
        ConfigSeeder.writeMissing(dir, Map.of("org.talkhost.alltalk", values));

        String text = Files.readString(dir.resolve("org.talkhost.alltalk.config"));
        assertThat(text).contains("apiTimeoutSeconds=D\"5.0\"").contains("D\"5.0\" and never D\"5\"");
        Map<String, Object> read = fileInstallReads(dir.resolve("org.talkhost.alltalk.config"));
        assertThat(read)
                .containsEntry("apiTimeoutSeconds", 5.0)
                .containsEntry("generateTimeoutSeconds", 120.0)
                .containsEntry("tiny", 1e-5)
                .containsEntry("huge", 1e20);
    }
}
