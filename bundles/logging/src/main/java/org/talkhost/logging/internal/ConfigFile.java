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
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, Object> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        boolean untyped = false;
        for (int i = 0; i < lines.size(); i++) {
            int first = i + 1;
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            StringBuilder whole = new StringBuilder();
            while (endsWithOddBackslashes(line) && i + 1 < lines.size()) {
                whole.append(line, 0, line.length() - 1);
                line = lines.get(++i).stripLeading();
            }
            whole.append(line);
            Matcher m = SETTING.matcher(whole.toString().strip());
            if (!m.matches()) {
                problems.add(new Problem(first, trimmed, null, "it is not a setting (a setting is key=value)"));
                untyped = true;
                continue;
            }
            if (!TYPED.matcher(m.group(2)).matches()) {
                untyped = true;
            }
            try {
                values.put(m.group(1), TypedText.decode(m.group(2)));
            } catch (TypedText.Unreadable e) {
                problems.add(new Problem(first, trimmed, m.group(1), e.getMessage()));
            }
        }
        return new ConfigFile(path, values, problems, untyped);
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
