package org.talkhost.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Collects figures, prints each as it comes, and writes them as a Markdown table. */
final class Results {
    record Row(String area, String what, String value, String goal, String note) {}

    private final List<Row> rows = new ArrayList<>();

    void add(String area, String what, String value, String goal, String note) {
        Row r = new Row(area, what, value, goal, note);
        rows.add(r);
        System.out.printf(Locale.ROOT, "%-12s %-58s %14s  (goal %s) %s%n", area, what, value, goal, note);
    }

    void write(Path file, String machine) throws IOException {
        StringBuilder b = new StringBuilder("# Benchmark results\n\n")
                .append("Written by `bench/run` on ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" (")
                .append(machine)
                .append("). Each figure is measured in the same run as its ")
                .append("baseline; this machine is shared and noisy, so read ratios rather than absolutes.\n\n")
                .append("| area | what | value | goal | note |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ")
                    .append(r.area)
                    .append(" | ")
                    .append(r.what)
                    .append(" | ")
                    .append(r.value)
                    .append(" | ")
                    .append(r.goal)
                    .append(" | ")
                    .append(r.note)
                    .append(" |\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /** The verdict against a goal, as the table shows it. */
    static String verdict(boolean met) {
        return met ? "goal met" : "goal NOT met";
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }

    static String ms2(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }
}
