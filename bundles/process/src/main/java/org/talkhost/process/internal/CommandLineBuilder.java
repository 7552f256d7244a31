package org.talkhost.process.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.talkhost.api.config.AllTalkSettings;
import org.talkhost.api.config.Mode;
import org.talkhost.api.detection.ServerKind;
import org.talkhost.api.install.AllTalkInstall;
import org.talkhost.api.notice.Messages;

/** Builds the command line, working folder and environment additions for a start, per mode. */
final class CommandLineBuilder {
    private final HostFiles files;
    private final Map<String, String> hostEnv;
    private final Messages messages;

    CommandLineBuilder(HostFiles files, Map<String, String> hostEnv, Messages messages) {
        this.files = files;
        this.hostEnv = hostEnv;
        this.messages = messages;
    }

    LaunchPlan build(Mode mode, AllTalkSettings s, int port, boolean newSession) throws LaunchProblem {
        LaunchPlan plan = switch (mode) {
            case STANDIN -> standin(s, port);
            case MANAGED -> managed(s, port);
            case EXTERNAL -> throw new LaunchProblem(messages.text("external.nostart"));
        };
        if (!newSession) {
            return plan;
        }
        String setsid = onPath("setsid");
        if (setsid == null) {
            return plan;
        }
        List<String> command = new ArrayList<>(plan.command());
        command.add(0, setsid);
        return new LaunchPlan(
                command, plan.workingDir(), plan.additions(), plan.kind(), plan.words(), plan.timingKey());
    }

    private LaunchPlan standin(AllTalkSettings s, int port) throws LaunchProblem {
        Path jar = files.standinJar();
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new LaunchProblem(messages.text("standin.jar.missing", jar == null ? "(not set)" : jar));
        }
        ServerKind flavour = standinFlavour(s.standinFlavor());
        List<String> command = new ArrayList<>(List.of(
                files.java(),
                "-jar",
                jar.toString(),
                "--flavor",
                flavour == ServerKind.V1 ? "v1" : "v2",
                "--dir",
                files.standinDir().toString(),
                "--port",
                Integer.toString(port)));
        command.addAll(split(s.standinArgs()));
        return new LaunchPlan(
                command,
                files.standinDir(),
                additions(s),
                ServerKind.STANDIN,
                "AllTalk (" + ServerKind.STANDIN.words() + ")",
                "standin-" + (flavour == ServerKind.V1 ? "v1" : "v2"));
    }

    private LaunchPlan managed(AllTalkSettings s, int port) throws LaunchProblem {
        if (s.installDir() == null || s.installDir().isBlank()) {
            throw new LaunchProblem(messages.text("managed.nodir"));
        }
        Path dir = Path.of(s.installDir().trim()).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new LaunchProblem(messages.text("managed.dir.missing", dir));
        }
        AllTalkInstall install = AllTalkInstall.of(dir, s.launchScript());
        String script = install.script().isEmpty() ? "tts_server.py" : install.script();
        if (!Files.isRegularFile(dir.resolve(script))) {
            throw new LaunchProblem(messages.text("managed.script.missing", script, dir));
        }
        String python = new PythonFinder(hostEnv, messages).find(s.python(), install);
        List<String> command = new ArrayList<>(List.of(python, script));
        ServerKind kind = install.kind() == ServerKind.V2 ? ServerKind.V2 : ServerKind.V1;
        if (kind == ServerKind.V2 && install.apiServerOnly()) {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        String v = kind == ServerKind.V2 ? "v2" : "v1";
        return new LaunchPlan(command, dir, additions(s), kind, kind.words(), "managed-" + v);
    }

    /**
     * TalkHost's additions to the environment AllTalk inherits: the instance's own {@code environment} entries
     * (NAME=value, e.g. CUDA_VISIBLE_DEVICES=1; they win), and two defaults a variable already set overrides.
     */
    Map<String, String> additions(AllTalkSettings s) {
        Map<String, String> add = new LinkedHashMap<>();
        for (String entry : s.environment() == null ? new String[0] : s.environment()) {
            int eq = entry == null ? -1 : entry.indexOf('=');
            if (eq > 0) {
                add.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
            }
        }
        if (!hostEnv.containsKey("MKL_THREADING_LAYER") && !add.containsKey("MKL_THREADING_LAYER")) {
            add.put("MKL_THREADING_LAYER", "GNU");
        }
        if (!hostEnv.containsKey("PYTHONUNBUFFERED") && !add.containsKey("PYTHONUNBUFFERED")) {
            add.put("PYTHONUNBUFFERED", "1");
        }
        return add;
    }

    static ServerKind standinFlavour(String text) {
        return text != null && text.trim().toLowerCase(Locale.ROOT).equals("v1") ? ServerKind.V1 : ServerKind.V2;
    }

    /** Splits extra arguments at spaces; double or single quotes keep spaces inside one argument. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inArg = false;
                }
            } else {
                cur.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            out.add(cur.toString());
        }
        return out;
    }

    private String onPath(String name) {
        for (String dir : hostEnv.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        return null;
    }
}
