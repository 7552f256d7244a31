package org.talkhost.process.internal;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Starts a {@link LaunchPlan}: output (stdout and stderr) goes straight into the rotated server log, so
 * the child never blocks on a pipe, even while this bundle is being replaced; stdin is closed.
 */
final class Launcher {
    private final ServerLog log;
    private final OutputScanner scanner;

    Launcher(ServerLog log, OutputScanner scanner) {
        this.log = log;
        this.scanner = scanner;
    }

    ChildProcess start(LaunchPlan plan) throws IOException {
        Files.createDirectories(plan.workingDir());
        log.rotateForStart();
        log.header("starting " + String.join(" ", plan.command()) + " in " + plan.workingDir()
                + (plan.additions().isEmpty() ? "" : " with " + plan.additions()));
        long from = log.size();
        ProcessBuilder pb =
                new ProcessBuilder(plan.command()).directory(plan.workingDir().toFile());
        pb.environment().putAll(plan.additions());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
        Process process = pb.start();
        process.getOutputStream().close();
        OutputWatch output = new OutputWatch(scanner);
        return ChildProcess.launched(process, output, new LogTailer(log.file(), from, output));
    }

    /** Watches a process found by pid; its output is read from the server log's current end when it is ours. */
    ChildProcess attach(ProcessHandle handle, boolean ours) {
        OutputWatch output = new OutputWatch(scanner);
        return ChildProcess.attached(handle, output, ours ? new LogTailer(log.file(), log.size(), output) : null);
    }

    ServerLog log() {
        return log;
    }
}
