package org.talkhost.process.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.talkhost.api.process.ResourceUsage;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Memory and processor use of an AllTalk process tree (OSHI), and its graphics memory (nvidia-smi).
 * Processor use is the tree's CPU time since the previous sample over the wall time, in percent of one core.
 */
final class ResourceSampler {
    private final GpuMemory gpu;
    private OperatingSystem os;
    private long previousRoot;
    private long previousNanos;
    private Map<Integer, Long> previousCpu = new HashMap<>();

    ResourceSampler(GpuMemory gpu) {
        this.gpu = gpu;
    }

    synchronized Optional<ResourceUsage> sample(long rootPid) {
        if (os == null) {
            os = new SystemInfo().getOperatingSystem();
        }
        OSProcess root = os.getProcess((int) rootPid);
        if (root == null) {
            return Optional.empty();
        }
        List<OSProcess> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(os.getDescendantProcesses((int) rootPid, null, null, 0));
        long now = System.nanoTime();
        long rss = 0;
        long cpuDelta = 0;
        Map<Integer, Long> cpu = new HashMap<>();
        Set<Long> pids = new HashSet<>();
        for (OSProcess p : tree) {
            rss += p.getResidentSetSize();
            long total = p.getKernelTime() + p.getUserTime();
            cpu.put(p.getProcessID(), total);
            pids.add((long) p.getProcessID());
            cpuDelta += total - previousCpu.getOrDefault(p.getProcessID(), 0L);
        }
        double percent = 0;
        if (rootPid == previousRoot && previousNanos > 0 && now > previousNanos) {
            percent = Math.max(0, cpuDelta) * 1_000_000.0 * 100.0 / (now - previousNanos);
        }
        previousRoot = rootPid;
        previousNanos = now;
        previousCpu = cpu;
        return Optional.of(new ResourceUsage(rootPid, tree.size(), rss, percent, gpu.usedBy(pids), Instant.now()));
    }
}
