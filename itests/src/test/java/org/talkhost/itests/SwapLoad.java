package org.talkhost.itests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.talkhost.api.audio.SpeakRequest;
import org.talkhost.api.audio.Speaker;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.ReadyAnswer;
import org.talkhost.api.process.RunState;
import org.talkhost.api.process.Supervisor;

/**
 * A steady load on a running TalkHost while its bundles are swapped: one thread speaks to a file and
 * runs {@code alltalk:status}; the other asks the Supervisor for its state and AllTalk whether it is
 * ready. Services are looked up afresh for every call, as a well-behaved client would.
 */
final class SwapLoad implements AutoCloseable {
    private final SwapLog log = new SwapLog();
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final ServiceTracker<Speaker, Speaker> speaker;
    private final ServiceTracker<CommandProcessor, CommandProcessor> gogo;
    private final ServiceTracker<Supervisor, Supervisor> supervisor;
    private final ServiceTracker<AllTalkClient, AllTalkClient> client;
    private final Path wav;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    SwapLoad(BundleContext context, Path wav) {
        this.wav = wav;
        speaker = track(new ServiceTracker<>(context, Speaker.class, null));
        gogo = track(new ServiceTracker<>(context, CommandProcessor.class, null));
        supervisor = track(new ServiceTracker<>(context, Supervisor.class, null));
        client = track(new ServiceTracker<>(context, AllTalkClient.class, null));
        start("speak+status", this::speakAndStatus);
        start("state+ready", this::stateAndReady);
    }

    private <S> ServiceTracker<S, S> track(ServiceTracker<S, S> t) {
        t.open();
        trackers.add(t);
        return t;
    }

    private void start(String name, Callable<Boolean> round) {
        Thread t = new Thread(
                () -> {
                    while (running) {
                        long begin = System.nanoTime();
                        boolean ok;
                        try {
                            ok = round.call();
                        } catch (Exception e) {
                            ok = false;
                        }
                        log.round(name, begin, System.nanoTime(), ok);
                        if (!ok) {
                            LockSupport.parkNanos(20_000_000);
                        }
                    }
                },
                "swap-load-" + name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private boolean speakAndStatus() {
        boolean spoke = log.call("Speaker.speak", () -> {
            Speaker s = speaker.getService();
            if (s == null) {
                throw new SwapLog.Absent("no Speaker service");
            }
            return s.speak(new SpeakRequest("A steady sentence while bundles are swapped.", "", "", wav, false, 1.0))
                                    .audioSeconds()
                            > 0
                    ? ""
                    : "no audio";
        });
        boolean status = log.call("alltalk:status", () -> {
            CommandProcessor p = gogo.getService();
            if (p == null) {
                throw new SwapLog.Absent("no command processor");
            }
            Gogo.Run r = Gogo.run(p, "alltalk:status");
            if (r.failed()) {
                throw r.error();
            }
            return Integer.valueOf(0).equals(r.exit())
                    ? ""
                    : r.output().lines().findFirst().orElse("(nothing)");
        });
        return spoke && status;
    }

    private boolean stateAndReady() {
        boolean state = log.call("Supervisor.state", () -> {
            Supervisor s = supervisor.getService();
            if (s == null) {
                throw new SwapLog.Absent("no Supervisor service");
            }
            RunState st = s.state();
            log.sawPid(st.pid());
            return st.ready() ? "" : st.explanation();
        });
        boolean ready = log.call("AllTalkClient.ready", () -> {
            AllTalkClient c = client.getService();
            if (c == null) {
                throw new SwapLog.Absent("no AllTalkClient service");
            }
            ReadyAnswer a = c.ready();
            return a.ready() ? "" : "AllTalk answered " + a.body();
        });
        return state && ready;
    }

    SwapLog log() {
        return log;
    }

    Supervisor supervisor() {
        return supervisor.getService();
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        trackers.forEach(ServiceTracker::close);
    }
}
