package org.talkhost.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.ProvisionOption;

/**
 * Pax Exam options for the in-container scenarios: the feature as built ({@link TalkHostExam#feature}),
 * plus Awaitility and the Hamcrest 2 it needs (from the test class path) unless the feature options have them.
 */
final class ScenarioExam {
    private ScenarioExam() {
    }

    static Option[] options(Path home) {
        List<Option> options = new ArrayList<>(List.of(TalkHostExam.feature(home)));
        if (!provisions(options, "awaitility")) {
            options.add(bundle(jarOf(org.hamcrest.Matchers.class)));
            options.add(bundle(jarOf(org.awaitility.Awaitility.class)));
        }
        return options.toArray(new Option[0]);
    }

    /** A home running the stand-in at once (no load time), with {@code extra} settings. */
    static Path standinHome(String... extra) {
        List<String> lines = new ArrayList<>(List.of("mode=\"standin\""));
        lines.addAll(List.of(extra));
        if (lines.stream().noneMatch(l -> l.startsWith("standinArgs"))) {
            lines.add("standinArgs=\"--load-seconds 0\"");
        }
        return TalkHostExam.home(lines.toArray(new String[0]));
    }

    private static boolean provisions(List<Option> options, String artifact) {
        return options.stream().anyMatch(o -> o instanceof ProvisionOption
                && ((ProvisionOption<?>) o).getURL().contains(artifact));
    }

    private static String jarOf(Class<?> type) {
        try {
            Path p = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toUri().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
