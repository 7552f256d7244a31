package org.talkhost.process.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Graphics memory per process from {@code nvidia-smi}, when it is installed (at most 2 seconds per call). */
final class GpuMemory {
    private final String nvidiaSmi;

    GpuMemory(Map<String, String> env) {
        this.nvidiaSmi = find(env.getOrDefault("PATH", ""));
    }

    boolean available() {
        return nvidiaSmi != null;
    }

    /** Bytes of graphics memory used by these pids, or -1 when unknown. */
    long usedBy(Set<Long> pids) {
        if (nvidiaSmi == null) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder(
                            nvidiaSmi, "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                return -1;
            }
            long mib = 0;
            for (Map.Entry<Long, Long> e : parse(out).entrySet()) {
                if (pids.contains(e.getKey())) {
                    mib += e.getValue();
                }
            }
            return mib * 1024 * 1024;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** "1234, 5678" lines → pid to MiB. */
    static Map<Long, Long> parse(String csv) {
        Map<Long, Long> out = new HashMap<>();
        for (String line : csv.split("\\R")) {
            String[] parts = line.split(",");
            if (parts.length >= 2) {
                try {
                    out.merge(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()), Long::sum);
                } catch (NumberFormatException e) {
                    // "[N/A]" or a header: skip
                }
            }
        }
        return out;
    }

    private static String find(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "nvidia-smi"))) {
                return Path.of(dir, "nvidia-smi").toString();
            }
        }
        return null;
    }
}
