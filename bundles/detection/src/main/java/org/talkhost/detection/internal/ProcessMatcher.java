package org.talkhost.detection.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongUnaryOperator;

import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.detection.ServerProcess;
import org.talkhost.api.install.AllTalkInstall;

/**
 * Picks the AllTalk servers out of a process list. A pure function of the list, TalkHost's own pid,
 * the configured install folder and what the folders hold, so tests can feed it made-up lists.
 */
final class ProcessMatcher {
    private static final int MAX_DEPTH = 32;

    private final Path installDir;
    private final FolderFacts folders;

    /** @param installDir the configured AllTalk folder (absolute), or null when none */
    ProcessMatcher(Path installDir, FolderFacts folders) {
        this.installDir =
                installDir == null ? null : installDir.toAbsolutePath().normalize();
        this.folders = folders;
    }

    ProcessScan match(List<RawProcess> all, long selfPid) {
        return match(all, selfPid, pid -> 0);
    }

    /** @param parentOf the parent of a listed process whose parent the list did not read (see {@link Parents}) */
    ProcessScan match(List<RawProcess> all, long selfPid, LongUnaryOperator parentOf) {
        Parents parents = new Parents(all, parentOf);
        Set<Long> excluded = selfAndAncestors(parents, selfPid);
        Map<Long, ServerProcess> found = new LinkedHashMap<>();
        for (RawProcess p : all) {
            if (!excluded.contains(p.pid())) {
                ServerProcess s = identify(p);
                if (s != null) {
                    found.put(p.pid(), s);
                }
            }
        }
        Map<Long, List<Long>> helpers = new HashMap<>();
        for (long pid : found.keySet()) {
            long top = topMatchedAncestor(pid, parents, found.keySet());
            if (top != pid) {
                helpers.computeIfAbsent(top, k -> new ArrayList<>()).add(pid);
            }
        }
        Set<Long> helperPids = new HashSet<>();
        helpers.values().forEach(helperPids::addAll);
        List<ServerProcess> servers = new ArrayList<>();
        for (ServerProcess s : found.values()) {
            if (!helperPids.contains(s.pid())) {
                servers.add(withHelperPort(s, helpers.getOrDefault(s.pid(), List.of()), found));
            }
        }
        servers.sort(Comparator.comparingLong(ServerProcess::pid));
        return new ProcessScan(servers, helpers);
    }

    /** TalkHost's own process and every process above it: never reported, whatever their command line. */
    static Set<Long> selfAndAncestors(Parents parents, long selfPid) {
        Set<Long> out = new HashSet<>();
        long pid = selfPid;
        for (int depth = 0; pid > 0 && depth < MAX_DEPTH && out.add(pid); depth++) {
            pid = parents.of(pid);
        }
        return out;
    }

    /**
     * Each listed process's parent: as the list gave it, or read at the first question when the list left it
     * unread ({@link RawProcess#PARENT_UNREAD}); 0 for a process not in the list.
     */
    static final class Parents {
        private final Map<Long, Long> known = new HashMap<>();
        private final LongUnaryOperator parentOf;

        Parents(List<RawProcess> all, LongUnaryOperator parentOf) {
            this.parentOf = parentOf;
            all.forEach(p -> known.put(p.pid(), p.parentPid()));
        }

        long of(long pid) {
            Long parent = known.get(pid);
            if (parent == null) {
                return 0;
            }
            if (parent == RawProcess.PARENT_UNREAD) {
                parent = Math.max(0, parentOf.applyAsLong(pid));
                known.put(pid, parent);
            }
            return parent;
        }
    }

    ServerProcess identify(RawProcess p) {
        List<String> args = p.args();
        if (args.isEmpty()) {
            return null;
        }
        Path cwd = absolute(p.cwd());
        int port = CommandLine.port(args);
        if (CommandLine.isStandin(args)) {
            return server(p, ServerKind.STANDIN, CommandLine.STANDIN_MARKER, port);
        }
        if (CommandLine.isUvicornAllTalk(args)) {
            ServerKind kind = cwd == null ? ServerKind.UNKNOWN : isV2Folder(cwd) ? ServerKind.V2 : ServerKind.V1;
            return server(p, kind, "uvicorn " + CommandLine.UVICORN_APP, port);
        }
        if (!CommandLine.isPython(args)) {
            return null;
        }
        String script = CommandLine.pythonScript(args);
        String name = script == null ? "" : CommandLine.fileName(script);
        if (!name.equals(CommandLine.TTS_SERVER) && !name.equals(CommandLine.SCRIPT)) {
            return null;
        }
        Path file = path(script);
        if (file != null) {
            file = file.isAbsolute()
                    ? file.normalize()
                    : cwd == null ? null : cwd.resolve(file).normalize();
        }
        Path folder = file == null ? null : file.getParent();
        if (folder == null || !isAllTalkFolder(folder)) {
            return null;
        }
        return server(p, kindOf(folder, name), name, port);
    }

    private boolean isAllTalkFolder(Path folder) {
        Path name = folder.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).startsWith("alltalk_tts")
                || folders.has(folder, "confignew.json")
                        && (folders.has(folder, CommandLine.TTS_SERVER) || folders.has(folder, CommandLine.SCRIPT))
                || folder.equals(installDir);
    }

    private boolean isV2Folder(Path folder) {
        return install(folder).v2();
    }

    /** v1 has a script.py too (its own launcher), so the folder decides when it can be read. */
    private ServerKind kindOf(Path folder, String script) {
        AllTalkInstall install = install(folder);
        if (install.v2()) {
            return ServerKind.V2;
        }
        return script.equals(CommandLine.SCRIPT) && !install.v1() ? ServerKind.V2 : ServerKind.V1;
    }

    /** What the folder is, by the one rule every area uses. */
    private AllTalkInstall install(Path folder) {
        return AllTalkInstall.of(folder, "", relative -> folders.has(folder, relative), null);
    }

    private static ServerProcess server(RawProcess p, ServerKind kind, String script, int port) {
        return new ServerProcess(
                p.pid(), Math.max(0, p.parentPid()), p.commandLine(), p.started(), p.cwd(), kind, script, port);
    }

    private static long topMatchedAncestor(long pid, Parents parents, Set<Long> matched) {
        long top = pid;
        long up = parents.of(pid);
        for (int depth = 0; up > 0 && up != pid && depth < MAX_DEPTH; depth++) {
            if (matched.contains(up)) {
                top = up;
            }
            up = parents.of(up);
        }
        return top;
    }

    /** A v2 parent without {@code --port} listens where its child says, when the child says. */
    private static ServerProcess withHelperPort(ServerProcess s, List<Long> helpers, Map<Long, ServerProcess> found) {
        if (s.port() > 0) {
            return s;
        }
        for (long h : helpers) {
            int port = found.get(h).port();
            if (port > 0) {
                return new ServerProcess(
                        s.pid(),
                        s.parentPid(),
                        s.commandLine(),
                        s.started(),
                        s.workingDir(),
                        s.kind(),
                        s.script(),
                        port);
            }
        }
        return s;
    }

    /** An absolute path as given, or null when empty, relative or not a path on this system. */
    private static Path absolute(String text) {
        Path p = path(text);
        return p != null && p.isAbsolute() ? p.normalize() : null;
    }

    private static Path path(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
