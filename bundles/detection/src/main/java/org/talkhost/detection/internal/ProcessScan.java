package org.talkhost.detection.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.talkhost.api.detection.ServerProcess;

/**
 * The AllTalk servers of one process scan.
 *
 * @param servers one entry per server (a v2 {@code script.py} with its {@code tts_server.py} child is one)
 * @param helpers for each server's pid, the pids of its own AllTalk child processes
 */
record ProcessScan(List<ServerProcess> servers, Map<Long, List<Long>> helpers) {

    static final ProcessScan EMPTY = new ProcessScan(List.of(), Map.of());

    ProcessScan {
        servers = List.copyOf(servers);
        helpers = Map.copyOf(helpers);
    }

    /** The pid and its helpers, as one would stop them. */
    List<Long> pidsOf(long pid) {
        List<Long> more = helpers.getOrDefault(pid, List.of());
        List<Long> all = new ArrayList<>(1 + more.size());
        all.add(pid);
        all.addAll(more);
        return all;
    }
}
