package org.talkhost.detection.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The process list through OSHI: one {@code getProcesses()} per scan. The working directory costs a
 * system call per process, so it is read only for processes whose command line could be AllTalk.
 */
final class OshiProcessSource implements ProcessSource {

    private volatile OperatingSystem os;

    @Override
    public List<RawProcess> list() {
        List<OSProcess> all = system().getProcesses();
        List<RawProcess> out = new ArrayList<>(all.size());
        for (OSProcess p : all) {
            List<String> args = p.getArguments();
            String cwd = CommandLine.worthACloserLook(args) ? p.getCurrentWorkingDirectory() : "";
            long start = p.getStartTime();
            out.add(new RawProcess(
                    p.getProcessID(),
                    p.getParentProcessID(),
                    args,
                    cwd,
                    start > 0 ? Instant.ofEpochMilli(start) : null));
        }
        return out;
    }

    private OperatingSystem system() {
        OperatingSystem current = os;
        if (current == null) {
            current = new SystemInfo().getOperatingSystem();
            os = current;
        }
        return current;
    }
}
