package org.talkhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredJarTest {
    /** A real, compressed bundle: Felix's own jar. */
    private static Path felixJar() throws Exception {
        return Path.of(FrameworkFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    @Test
    void theCopyHoldsTheSameEntriesInTheSameOrderAllStored(@TempDir Path dir) throws Exception {
        Path jar = felixJar();
        Path copy = dir.resolve("copy.jar");

        StoredJar.copy(jar, copy);

        try (ZipFile original = new ZipFile(jar.toFile());
                ZipFile stored = new ZipFile(copy.toFile())) {
            List<ZipEntry> a = entries(original);
            List<ZipEntry> b = entries(stored);
            assertThat(a).anyMatch(e -> e.getMethod() == ZipEntry.DEFLATED); // the test means something
            assertThat(b).extracting(ZipEntry::getName).containsExactlyElementsOf(names(a));
            assertThat(b).allMatch(e -> e.getMethod() == ZipEntry.STORED, "every entry stored");
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).getTime())
                        .as(a.get(i).getName())
                        .isEqualTo(a.get(i).getTime());
                assertThat(bytes(stored, b.get(i))).as(a.get(i).getName()).isEqualTo(bytes(original, a.get(i)));
            }
        }
        try (JarInputStream in = new JarInputStream(Files.newInputStream(copy))) {
            assertThat(in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
                    .isEqualTo("org.apache.felix.framework");
        }
        assertThat(Files.size(copy)).isGreaterThan(Files.size(jar));
    }

    @Test
    void copiesAreMadeAheadAndWhatNobodyTookIsRemoved(@TempDir Path dir) throws Exception {
        Path jar = felixJar();
        Path storage = dir.resolve("storage");
        Path first;
        Path second;
        try (StoredJar copies = StoredJar.start(List.of(jar, jar, jar, jar), storage)) {
            first = copies.take(0);
            second = copies.take(1);
            assertThat(first).exists().hasParent(storage);
            assertThat(second).exists().isNotEqualTo(first);
        }
        // the ones taken are the taker's to delete; the rest (made, under way or not begun) go
        try (Stream<Path> left = Files.list(storage)) {
            assertThat(left).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void aDamagedBundleIsReportedWhenItsCopyIsTaken(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "not a jar");
        try (StoredJar copies = StoredJar.start(List.of(broken), dir.resolve("storage"))) {
            assertThatThrownBy(() -> copies.take(0)).isInstanceOf(IOException.class);
        }
    }

    private static List<ZipEntry> entries(ZipFile zip) {
        List<ZipEntry> list = new ArrayList<>();
        zip.entries().asIterator().forEachRemaining(list::add);
        return list;
    }

    private static List<String> names(List<ZipEntry> entries) {
        return entries.stream().map(ZipEntry::getName).toList();
    }

    private static byte[] bytes(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
