package org.talkhost.logging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code config/PID.config} file read line by line, strictly: the settings it holds, and each line
 * that is not a setting with its number and the reason. FileInstall reads a file with one such line in
 * another mode (every value becomes plain text, quotes and type letters included), so a single bad
 * line changes the meaning of the whole file; this reader tells which line did it.
 */
record ConfigFile(Path path, Map<String, Object> values, List<Problem> problems, boolean untyped) {
    private static final Pattern SETTING = Pattern.compile("([A-Za-z0-9_.\\-]+)\\s*[=:]\\s*(.*)", Pattern.DOTALL);
    private static final Pattern TYPED =
            Pattern.compile("\\s*[TILFDXSCBilfdxscb]?(\\[[\\S\\s]*\\]|\\([\\S\\s]*\\)|\"[\\S\\s]*\")\\s*");

    /** A line that is not a setting, or a setting whose value cannot be read. */
    record Problem(int line, String text, String key, String reason) {}

    static ConfigFile read(Path path) throws IOException {
        return of(path, Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    /** The file at {@code path} whose lines (already read) are {@code physical}. */
    static ConfigFile of(Path path, List<String> physical) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        boolean untyped = false;
        for (Line line : lines(physical)) {
            if (line.setting() == null) {
                if (!line.blankOrComment()) {
                    problems.add(new Problem(
                            line.first() + 1, line.text(), null, "it is not a setting (a setting is key=value)"));
                    untyped = true;
                }
                continue;
            }
            Matcher m = line.setting();
            if (!TYPED.matcher(m.group(2)).matches()) {
                untyped = true;
            }
            try {
                values.put(m.group(1), TypedText.decode(m.group(2)));
            } catch (TypedText.Unreadable e) {
                problems.add(new Problem(line.first() + 1, line.text(), m.group(1), e.getMessage()));
            }
        }
        return new ConfigFile(path, values, problems, untyped);
    }

    /**
     * One logical line of the file: the physical lines {@code first..last} (a line ending in an odd
     * number of backslashes goes on), its trimmed first line, and the setting it holds (key in group 1,
     * the value in group 2 of the whole logical line, stripped), or null for a blank, a comment or a line
     * that is not a setting.
     */
    record Line(int first, int last, String text, Matcher setting, boolean blankOrComment) {}

    static List<Line> lines(List<String> physical) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            int first = i;
            String line = physical.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                out.add(new Line(first, first, trimmed, null, true));
                continue;
            }
            StringBuilder whole = new StringBuilder();
            while (endsWithOddBackslashes(line) && i + 1 < physical.size()) {
                whole.append(line, 0, line.length() - 1);
                line = physical.get(++i).stripLeading();
            }
            whole.append(line);
            Matcher m = SETTING.matcher(whole.toString().strip());
            out.add(new Line(first, i, trimmed, m.matches() ? m : null, false));
        }
        return out;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
