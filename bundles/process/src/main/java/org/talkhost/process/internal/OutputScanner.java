package org.talkhost.process.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.talkhost.api.install.AllTalkInstall;
import org.talkhost.api.notice.Messages;

/** Recognises the failures AllTalk users commonly hit in its output and explains each in plain words. */
final class OutputScanner {

    /**
     * One recognised line.
     *
     * @param key   the catalog key ({@code output.port}, {@code output.module}, ...)
     * @param text  the explanation with the fix
     * @param fatal whether AllTalk cannot work on (it usually exits)
     * @param line  the line that was recognised
     */
    record Finding(String key, String text, boolean fatal, String line) {
        boolean isDownload() {
            return DOWNLOAD.equals(key);
        }
    }

    static final String DOWNLOAD = "output.download";

    private record Rule(String key, Pattern pattern, boolean fatal) {}

    private static final List<Rule> RULES = List.of(
            new Rule("output.port", Pattern.compile("(?i)errno 98|address already in use"), true),
            new Rule("output.module", Pattern.compile("No module named '([^'.]+)[^']*'"), true),
            new Rule(
                    "output.mkl",
                    Pattern.compile(
                            "Intel MKL FATAL ERROR|MKL_THREADING_LAYER=\\w+ is incompatible|mkl-service \\+ Intel"),
                    true),
            new Rule(
                    "output.cuda",
                    Pattern.compile(
                            "(?i)CUDA is not available|Torch not compiled with CUDA|no CUDA GPUs are available"),
                    false),
            new Rule(
                    "output.espeak",
                    Pattern.compile("(?i)espeak(-ng)?\\b.*(not (found|installed)|no such file|missing)"
                            + "|(not (found|installed)|missing)\\b.*espeak"),
                    false),
            new Rule(DOWNLOAD, Pattern.compile("(?i)\\bdownloading\\b|\\d+%\\|"), false));

    private final Messages messages;
    private final Supplier<AllTalkInstall> install;

    OutputScanner(Messages messages) {
        this(messages, () -> AllTalkInstall.of(null));
    }

    /** @param install the AllTalk being started: its advice names where that install keeps its Python */
    OutputScanner(Messages messages, Supplier<AllTalkInstall> install) {
        this.messages = messages;
        this.install = install;
    }

    Optional<Finding> scan(String line) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(line);
            if (m.find()) {
                String arg = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : "";
                return Optional.of(
                        new Finding(rule.key, messages.text(rule.key, arg, environment()), rule.fatal, line.strip()));
            }
        }
        return Optional.empty();
    }

    /** Where the install keeps its Python ("alltalk_environment/env in the AllTalk folder" when not known). */
    private String environment() {
        AllTalkInstall i;
        try {
            i = install.get();
        } catch (RuntimeException e) {
            i = null;
        }
        Path env = i == null ? null : i.environment();
        return env == null ? messages.text("output.env.default") : env.toString();
    }
}
