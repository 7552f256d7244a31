package org.talkhost.detection.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The process list read straight from Linux's {@code /proc}: one small file a process (its command line), and
 * its parent ({@code stat}), working directory and start time only for a process whose command line could be
 * AllTalk; another process's parent is read when the matcher asks for it ({@link #parentOf}: TalkHost's own
 * ancestors, and those between AllTalk's processes), a handful of the thousand. OSHI reads a dozen files a
 * process, which made detection with 1,000 other processes on the machine take about 80 ms; reading the parent of
 * every process took about half of what this takes. Elsewhere than Linux, {@link OshiProcessSource}.
 */
final class ProcFsProcessSource implements ProcessSource {
    private final Path proc;

    ProcFsProcessSource(Path proc) {
        this.proc = proc;
    }

    /** This source when the machine has a readable {@code /proc}, else OSHI's. */
    static ProcessSource forThisMachine() {
        Path proc = Path.of("/proc");
        return Files.isReadable(proc.resolve("self/cmdline")) && Files.isReadable(proc.resolve("self/stat"))
                ? new ProcFsProcessSource(proc)
                : new OshiProcessSource();
    }

    @Override
    public List<RawProcess> list() {
        List<RawProcess> out = new ArrayList<>(512);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(proc)) {
            for (Path dir : all) {
                long pid = pid(dir.getFileName().toString());
                if (pid > 0) {
                    RawProcess p = read(pid, dir);
                    if (p != null) {
                        out.add(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the processes in " + proc + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** One process, or null when it ended while being read. */
    static RawProcess read(long pid, Path dir) {
        try {
            List<String> args = arguments(Files.readAllBytes(dir.resolve("cmdline")));
            if (!CommandLine.worthACloserLook(args)) {
                return new RawProcess(pid, RawProcess.PARENT_UNREAD, args, "", null);
            }
            long parent = parentIn(dir);
            String cwd;
            try {
                cwd = Files.readSymbolicLink(dir.resolve("cwd")).toString();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                cwd = ""; // another user's process: its folder is not ours to read
            }
            Instant started =
                    ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(null);
            return new RawProcess(pid, parent, args, cwd, started);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public long parentOf(long pid) {
        try {
            return parentIn(proc.resolve(Long.toString(pid)));
        } catch (IOException | RuntimeException e) {
            return 0; // it ended
        }
    }

    /** The parent of the process whose {@code /proc} folder is {@code dir}, from its {@code stat}. */
    private static long parentIn(Path dir) throws IOException {
        return parentPid(Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1));
    }

    /** The fourth field of {@code stat}, counted after the command name in parentheses (which may hold spaces). */
    static long parentPid(String stat) {
        int close = stat.lastIndexOf(')');
        String[] rest = stat.substring(close + 2).split(" ", 3);
        return Long.parseLong(rest[1]);
    }

    /** {@code cmdline}: the arguments, each ended by a NUL; empty for a kernel thread. */
    static List<String> arguments(byte[] cmdline) {
        List<String> args = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                args.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            args.add(new String(cmdline, start, cmdline.length - start, StandardCharsets.UTF_8));
        }
        return args;
    }

    private static long pid(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
