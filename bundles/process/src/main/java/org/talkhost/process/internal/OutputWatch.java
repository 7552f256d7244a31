package org.talkhost.process.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Keeps AllTalk's last lines and what the scanner recognised in them (each kind of finding once). */
final class OutputWatch implements Consumer<String> {
    private static final int KEEP = 30;

    private final OutputScanner scanner;
    private final Deque<String> last = new ArrayDeque<>();
    private final Map<String, OutputScanner.Finding> findings = new LinkedHashMap<>();
    private volatile Consumer<OutputScanner.Finding> onFinding = f -> {};

    OutputWatch(OutputScanner scanner) {
        this.scanner = scanner;
    }

    /** Who hears of each new kind of finding (the ready waiter, the supervisor). */
    void onFinding(Consumer<OutputScanner.Finding> listener) {
        this.onFinding = listener == null ? f -> {} : listener;
    }

    @Override
    public void accept(String line) {
        if (line.isBlank()) {
            return;
        }
        OutputScanner.Finding fresh = null;
        synchronized (this) {
            if (last.size() == KEEP) {
                last.removeFirst();
            }
            last.addLast(line);
            var hit = scanner.scan(line);
            if (hit.isPresent() && !findings.containsKey(hit.get().key())) {
                findings.put(hit.get().key(), hit.get());
                fresh = hit.get();
            }
        }
        if (fresh != null) {
            onFinding.accept(fresh);
        }
    }

    synchronized List<String> lastLines(int n) {
        List<String> all = new ArrayList<>(last);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    synchronized List<OutputScanner.Finding> findings() {
        return List.copyOf(findings.values());
    }

    synchronized boolean downloading() {
        return findings.containsKey(OutputScanner.DOWNLOAD);
    }

    /** The explanations of what went wrong (downloads left out), or empty when nothing was recognised. */
    synchronized String explanations() {
        StringBuilder out = new StringBuilder();
        for (OutputScanner.Finding f : findings.values()) {
            if (!f.isDownload()) {
                out.append(out.length() == 0 ? "" : " ").append(f.text());
            }
        }
        return out.toString();
    }
}
