package org.talkhost.process.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whose is the socket listening on a port: the process tree TalkHost started, another program, or not
 * known. On Linux it reads {@code /proc/net/tcp} and {@code tcp6} for the listening socket's inode and looks
 * for that inode among the open files of the tree ({@code /proc/<pid>/fd}); elsewhere it cannot tell.
 */
final class PortOwnership {
    enum Owner {
        OURS,
        OTHERS,
        UNKNOWN
    }

    private static final String LISTEN = "0A";

    private final Path proc;

    PortOwnership(Path proc) {
        this.proc = proc;
    }

    static PortOwnership system() {
        return new PortOwnership(Path.of("/proc"));
    }

    /** Who listens on {@code port}: {@code root} or one of its descendants, someone else, or not known. */
    Owner of(ProcessHandle root, int port) {
        Set<String> inodes = new HashSet<>();
        boolean readable = false;
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            if (Files.isReadable(file)) {
                readable = true;
                inodes.addAll(listening(file, port));
            }
        }
        if (!readable || inodes.isEmpty()) {
            return Owner.UNKNOWN;
        }
        List<Long> tree = new ArrayList<>();
        tree.add(root.pid());
        root.descendants().forEach(h -> tree.add(h.pid()));
        boolean seenAny = false;
        for (long pid : tree) {
            Path fds = proc.resolve(Long.toString(pid)).resolve("fd");
            try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
                seenAny = true;
                for (Path fd : s) {
                    if (inodes.contains(socketInode(fd))) {
                        return Owner.OURS;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended, or its files cannot be read
            }
        }
        return seenAny ? Owner.OTHERS : Owner.UNKNOWN;
    }

    /** The inodes of the sockets in LISTEN state on {@code port} in one {@code /proc/net} table. */
    static Set<String> listening(Path table, int port) {
        Set<String> out = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        try {
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !f[3].equals(LISTEN)) {
                    continue;
                }
                int colon = f[1].lastIndexOf(':');
                if (colon > 0 && f[1].substring(colon + 1).equalsIgnoreCase(hexPort)) {
                    out.add(f[9]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: nothing known
        }
        return out;
    }

    private static String socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("socket:[") && target.endsWith("]")
                    ? target.substring(8, target.length() - 1)
                    : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
