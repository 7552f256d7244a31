package org.talkhost.process.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.ports.PortChoice;
import org.talkhost.api.ports.PortHolder;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.ports.PortStatus;

/** Offers the ports the test queued (the last one again and again) and records what was persisted. */
final class FakePorts implements PortManager {
    final Queue<Integer> offers = new ConcurrentLinkedQueue<>();
    volatile int last;
    final Queue<Boolean> stillFreeAnswers = new ConcurrentLinkedQueue<>();
    final List<Path> persistedDirs = new CopyOnWriteArrayList<>();
    final List<Integer> persistedPorts = new CopyOnWriteArrayList<>();
    final List<ServerKind> persistedFlavours = new CopyOnWriteArrayList<>();
    final AtomicInteger chosen = new AtomicInteger();

    FakePorts(int... ports) {
        for (int p : ports) {
            offers.add(p);
        }
    }

    @Override
    public List<PortStatus> survey() {
        return List.of();
    }

    @Override
    public PortChoice choose(ServerKind flavour) {
        chosen.incrementAndGet();
        Integer next = offers.poll();
        if (next != null) {
            last = next;
        }
        return last == 0
                ? new PortChoice(0, 0, List.of(), "7851 and 7852 are taken by another program.")
                : new PortChoice(
                        last, 0, List.of(new PortStatus(last, PortHolder.FREE, "free")), "port " + last + " is free");
    }

    @Override
    public boolean stillFree(int port) {
        Boolean b = stillFreeAnswers.poll();
        return b == null || b;
    }

    @Override
    public String persist(PortChoice choice, Path allTalkDir, ServerKind flavour) {
        persistedDirs.add(allTalkDir);
        persistedPorts.add(choice.port());
        persistedFlavours.add(flavour);
        return "port " + choice.port() + " written";
    }
}
