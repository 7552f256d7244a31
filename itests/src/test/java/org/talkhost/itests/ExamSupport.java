package org.talkhost.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.ops4j.pax.exam.Option;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** What the detection, ports and health exam tests share: Awaitility in the container, config files, config waits. */
final class ExamSupport {
    private ExamSupport() {}

    /** The feature as built ({@link TalkHostExam#feature}, Awaitility included) plus {@code more}. */
    static Option[] withAwaitility(Option[] feature, Option... more) {
        return org.ops4j.pax.exam.OptionUtils.combine(feature, more);
    }

    /** Two different free ports, the same inside the container (see {@link TalkHostExam#sharedPort}). */
    static int[] sharedPorts(String a, String b) {
        int first = TalkHostExam.sharedPort(a);
        int second = TalkHostExam.sharedPort(b);
        while (second == first) {
            second = TalkHostExam.freePort();
        }
        return new int[] {first, second};
    }

    /** Writes {@code config/<pid>.config} in the home (Felix typed format), before the container boots. */
    static void writeConfig(Path home, String pid, String... lines) {
        try {
            Files.write(home.resolve("config").resolve(pid + ".config"), List.of(lines), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the DS component {@code name} runs with {@code key} = {@code value} from its configuration
     * (FileInstall delivers the config/ files asynchronously; until then a component may run on defaults).
     */
    static void awaitComponentConfig(ServiceComponentRuntime scr, String name, String key, Object value) {
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> hasProperty(scr, name, key, value));
        } catch (ConditionTimeoutException e) { // no cause: Pax Exam would report only the root cause
            throw new AssertionError("Component " + name + " never ran with " + key + "=" + text(value)
                    + " from config/ (FileInstall); it runs with "
                    + properties(scr, name, key).stream().map(ExamSupport::text).collect(Collectors.toList()) + " ("
                    + e.getMessage() + ")");
        }
    }

    private static boolean hasProperty(ServiceComponentRuntime scr, String name, String key, Object value) {
        return properties(scr, name, key).stream().anyMatch(v -> same(v, value));
    }

    private static List<Object> properties(ServiceComponentRuntime scr, String name, String key) {
        List<Object> out = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.name.equals(name)) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    out.add(c.properties.get(key));
                }
            }
        }
        return out;
    }

    /** Equal as text, element by element for arrays (Integer[] from the config file, int[] from a test). */
    private static boolean same(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        if (actual.getClass().isArray() && expected.getClass().isArray()) {
            int n = Array.getLength(actual);
            if (n != Array.getLength(expected)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!Objects.equals(String.valueOf(Array.get(actual, i)), String.valueOf(Array.get(expected, i)))) {
                    return false;
                }
            }
            return true;
        }
        return String.valueOf(actual).equals(String.valueOf(expected));
    }

    /** A text for people: no exception names, nulls, stack lines, class or package names. */
    static void assertPlain(String text) {
        assertThat(text).isNotBlank().doesNotContain("Exception", "null", "\tat ", "java.", "org.talkhost");
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(String.valueOf(Array.get(value, i)));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }
}
