package org.talkhost.health.internal;

import java.util.Optional;

import org.talkhost.api.process.ResourceUsage;
import org.talkhost.api.process.Supervisor;

/** Compares the AllTalk process tree's memory with the configured limits. */
final class ResourceLimits {
    private static final long MB = 1024L * 1024L;

    private ResourceLimits() {}

    /** The first limit exceeded, or null (also when no limit is set or nothing is known). */
    static Problem check(Supervisor supervisor, HealthSettings s) {
        if (supervisor == null || (s.memoryLimitBytes() <= 0 && s.gpuMemoryLimitBytes() <= 0)) {
            return null;
        }
        Optional<ResourceUsage> usage;
        try {
            usage = supervisor.resources();
        } catch (RuntimeException e) {
            return null; // resources unknown: nothing to compare
        }
        if (usage == null || usage.isEmpty()) {
            return null;
        }
        ResourceUsage u = usage.get();
        if (s.memoryLimitBytes() > 0 && u.residentBytes() > s.memoryLimitBytes()) {
            return new Problem("memory", String.valueOf(u.residentBytes() / MB), s.memoryLimitBytes() / MB);
        }
        if (s.gpuMemoryLimitBytes() > 0 && u.gpuMemoryBytes() > s.gpuMemoryLimitBytes()) {
            return new Problem("gpu", String.valueOf(u.gpuMemoryBytes() / MB), s.gpuMemoryLimitBytes() / MB);
        }
        return null;
    }
}
