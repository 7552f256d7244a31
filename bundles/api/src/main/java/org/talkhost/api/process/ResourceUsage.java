package org.talkhost.api.process;

import java.time.Instant;

/**
 * Resources of the AllTalk process tree.
 *
 * @param pid            the main process
 * @param processes      processes in the tree
 * @param residentBytes  resident memory of the tree
 * @param cpuPercent     CPU use of the tree since the previous sample, in percent of one core
 * @param gpuMemoryBytes GPU memory in use by the tree (nvidia-smi), or -1 when unknown
 * @param sampled        when
 */
public record ResourceUsage(
        long pid, int processes, long residentBytes, double cpuPercent, long gpuMemoryBytes, Instant sampled) {}
