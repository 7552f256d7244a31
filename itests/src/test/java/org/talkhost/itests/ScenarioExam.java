package org.talkhost.itests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;

/** Pax Exam options for the in-container scenarios: the feature as built ({@link TalkHostExam#feature}). */
final class ScenarioExam {
    private ScenarioExam() {}

    static Option[] options(Path home) {
        return TalkHostExam.feature(home);
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
}
