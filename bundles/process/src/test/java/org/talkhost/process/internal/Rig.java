package org.talkhost.process.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.talkhost.api.notice.Notice;

/**
 * A Supervisor in a temporary TalkHost home, with fake detection, ports and client, a fake server jar as
 * the stand-in, and every notice, event and operations-log line recorded. Closing it kills every
 * process any of its Supervisors knew of.
 */
final class Rig implements AutoCloseable {
    final Path home;
    final HostFiles files;
    final FakeDetector detector = new FakeDetector();
    final FakePorts ports;
    final FakeClient client = new FakeClient();
    final Map<String, Object> settings = new HashMap<>();
    final Map<String, Object> tuning = new HashMap<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<String> oplog = new CopyOnWriteArrayList<>();
    final int port;
    volatile boolean frameworkStopping;
    private final List<SupervisorImpl> built = new ArrayList<>();
    private final Set<Long> pids = ConcurrentHashMap.newKeySet();

    Rig(Path home) throws IOException {
        this.home = home;
        Path jar = TestJars.fakeServerJar(Files.createDirectories(home.resolve("jars")));
        this.files = new HostFiles(
                home.resolve("runtime"), home.resolve("log"), jar, HostFiles.currentJava(), home.resolve("locks"));
        this.port = freePort();
        this.ports = new FakePorts(port);
        settings.put("mode", "standin");
        settings.put("readyTimeoutSeconds", 30);
        tuning.put("stopGraceSeconds", 3);
        tuning.put("lockWaitSeconds", 1);
    }

    SupervisorImpl supervisor() {
        SupervisorImpl s = new SupervisorImpl(
                detector,
                ports,
                client,
                new ProcessTuning(Configs.tuning(tuning)),
                Configs.settings(settings),
                files,
                System.getenv(),
                () -> frameworkStopping,
                Clock.systemUTC());
        s.events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
                Object pid = event.getProperty("pid");
                if (pid instanceof Long l && l > 0) {
                    pids.add(l);
                }
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        s.operationsLog = (level, message, args) -> {
            String line = message;
            for (Object a : args) {
                line = line.replaceFirst("\\{\\}", java.util.regex.Matcher.quoteReplacement(String.valueOf(a)));
            }
            oplog.add(level + " " + line);
        };
        built.add(s);
        return s;
    }

    /** Builds and activates one. */
    SupervisorImpl activated() {
        SupervisorImpl s = supervisor();
        s.activate();
        return s;
    }

    List<Notice> notices() {
        return events.stream().map(Notice::fromEvent).filter(n -> n != null).toList();
    }

    List<String> noticeCodes() {
        return notices().stream().map(Notice::code).toList();
    }

    void track(long pid) {
        pids.add(pid);
    }

    Path serverLog() {
        return files.serverLog();
    }

    String serverLogText() throws IOException {
        return Files.exists(serverLog()) ? Files.readString(serverLog()) : "";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        frameworkStopping = true;
        for (SupervisorImpl s : built) {
            try {
                s.deactivate();
            } catch (RuntimeException e) {
                // already deactivated
            }
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
    }
}
