package org.talkhost.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The hot-swap gaps, one row per bundle, printed and written to itests/target/hotswap-gaps.md. */
final class SwapGaps {
    /** Milliseconds from the update (or stop) call until the main service is back, and until the load succeeds. */
    record Row(
            String bundle,
            String service,
            long updateService,
            long updateLoad,
            long restartService,
            long restartLoad,
            long explained,
            long absent,
            String pid,
            List<String> messages) {}

    private static final List<Row> ROWS = new ArrayList<>();

    private SwapGaps() {}

    static synchronized void add(Row row) {
        ROWS.removeIf(r -> r.bundle().equals(row.bundle()));
        ROWS.add(row);
        String table = table();
        System.out.println(table);
        try {
            Path file = TalkHostExam.source().resolve("itests/target/hotswap-gaps.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("Could not write hotswap-gaps.md: " + e);
        }
    }

    static synchronized String table() {
        StringBuilder b = new StringBuilder();
        b.append("# Hot swap under load: gaps per bundle\n\n")
                .append("Load: one thread speaks a sentence to a file then runs alltalk:status; another asks ")
                .append("Supervisor.state() and AllTalkClient.ready(). Times in ms from the Bundle.update() call ")
                .append("(or the stop() of stop+start) until the bundle's main service is registered again, and ")
                .append("until both load threads have succeeded again.\n\n")
                .append("| bundle | main service | update: service | update: load | stop+start: service | ")
                .append("stop+start: load | plain failures | service absent | AllTalk pid |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : ROWS) {
            b.append("| ")
                    .append(r.bundle())
                    .append(" | ")
                    .append(r.service())
                    .append(" | ")
                    .append(r.updateService())
                    .append(" | ")
                    .append(r.updateLoad())
                    .append(" | ")
                    .append(r.restartService())
                    .append(" | ")
                    .append(r.restartLoad())
                    .append(" | ")
                    .append(r.explained())
                    .append(" | ")
                    .append(r.absent())
                    .append(" | ")
                    .append(r.pid())
                    .append(" |\n");
        }
        b.append("\nWhat the load was told during the swaps (distinct messages):\n\n");
        for (Row r : ROWS) {
            for (String m : r.messages()) {
                b.append("- ").append(r.bundle()).append(": ").append(m).append('\n');
            }
        }
        return b.toString();
    }
}
