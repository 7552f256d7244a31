package org.talkhost.ports.internal;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.logging.OperationsLog;
import org.talkhost.api.notice.Messages;
import org.talkhost.api.notice.Notice;

/** Writes the port into AllTalk's confignew.json and says what happened: to people, and to the logs. */
final class ConfigFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWriter.class);

    private final ConfigNewJson json = new ConfigNewJson();
    private final Messages messages;
    private final Consumer<Notice> notices;
    private final Supplier<OperationsLog> operations;

    ConfigFileWriter(Messages messages, Consumer<Notice> notices, Supplier<OperationsLog> operations) {
        this.messages = messages;
        this.notices = notices;
        this.operations = operations;
    }

    /** Returns what happened, in plain words. */
    String write(Path dir, ConfigNewJson.Layout layout, int port, int uiPort) {
        int ui = layout == ConfigNewJson.Layout.V1 ? 0 : uiPort;
        ConfigNewJson.Result r = json.writePorts(dir, layout, port, ui);
        OperationsLog ops = operations.get();
        switch (r.outcome()) {
            case WRITTEN:
                ops.info(
                        "Wrote port {}{} to {} (original kept as {})",
                        port,
                        ui > 0 ? ", web page port " + ui : "",
                        r.file(),
                        r.backup());
                return say(messages.info(
                        "persist.file.written",
                        r.file(),
                        port,
                        ui > 0 ? messages.text("persist.file.ui", ui) : "",
                        r.backup().getFileName()));
            case UNCHANGED:
                return messages.text("persist.file.same", r.file(), port);
            case MISSING:
                ops.info("No {} in {}: only TalkHost's configuration holds port {}", ConfigNewJson.FILE, dir, port);
                return messages.text("persist.file.missing", dir);
            case MALFORMED:
                ops.error(
                        "{} is not valid JSON (line {}: {}); left untouched, port {} not written",
                        r.file(),
                        r.line(),
                        r.error(),
                        port);
                LOG.warn("{} is not valid JSON (line {}: {}); left untouched", r.file(), r.line(), r.error());
                return say(messages.warning(
                        "persist.file.malformed",
                        r.file(),
                        r.line() > 0 ? messages.text("persist.file.malformed.line", r.line()) : "",
                        port));
            case ODD_LAYOUT:
                ops.error(
                        "{} is not laid out as AllTalk writes it; left untouched, port {} not written", r.file(), port);
                return say(messages.warning("persist.file.odd", r.file(), port));
            default:
                ops.error("Could not write port {} to {}: {}", port, r.file(), r.error());
                LOG.warn("Could not write port {} to {}: {}", port, r.file(), r.error());
                return say(messages.warning("persist.file.failed", r.file(), port));
        }
    }

    private String say(Notice notice) {
        notices.accept(notice);
        return notice.text();
    }
}
