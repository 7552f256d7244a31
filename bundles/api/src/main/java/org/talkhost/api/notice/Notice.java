package org.talkhost.api.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.event.Event;
import org.talkhost.api.config.Instances;

/**
 * A message for people: what is happening or went wrong, why it matters, and what happens next.
 * Notices travel as EventAdmin events on {@link NoticeTopics#NOTICE} sub-topics; every bundle may
 * post them and any bundle (the console, the operations log, an add-on) may listen.
 *
 * @param level    how much it matters
 * @param source   the area that speaks ("detection", "process", ...)
 * @param code     a stable key for the kind of notice (a catalog key), for listeners and tests
 * @param text     the plain-language sentence(s) a person reads
 * @param progress 0..1 for long waits, or negative when there is none
 * @param eta      estimated time left for long waits, or null
 * @param time     when it was said
 */
public record Notice(
        Level level, String source, String code, String text, double progress, Duration eta, Instant time) {

    /** How much a notice matters. */
    public enum Level {
        INFO,
        PROGRESS,
        WARNING,
        ERROR
    }

    public static final String PROP_LEVEL = "level";
    public static final String PROP_SOURCE = "source";
    public static final String PROP_CODE = "code";
    public static final String PROP_TEXT = "text";
    public static final String PROP_PROGRESS = "progress";
    public static final String PROP_ETA_MILLIS = "eta.millis";
    public static final String PROP_TIME_MILLIS = "time.millis";

    public Notice {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
        source = source == null ? "talkhost" : source;
        code = code == null ? "" : code;
        time = (time == null ? Instant.now() : time).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    public static Notice info(String source, String code, String text) {
        return new Notice(Level.INFO, source, code, text, -1, null, null);
    }

    public static Notice warning(String source, String code, String text) {
        return new Notice(Level.WARNING, source, code, text, -1, null, null);
    }

    public static Notice error(String source, String code, String text) {
        return new Notice(Level.ERROR, source, code, text, -1, null, null);
    }

    public static Notice progress(String source, String code, String text, double progress, Duration eta) {
        return new Notice(Level.PROGRESS, source, code, text, progress, eta, null);
    }

    /**
     * This notice said about AllTalk instance {@code instance} of a host with several: the text begins with the
     * instance's name ({@link Instances#prefix}). The default instance (or none) leaves the notice as it is.
     */
    public Notice about(String instance) {
        String prefix = Instances.prefix(instance);
        return prefix.isEmpty() || (text != null && text.startsWith(prefix))
                ? this
                : new Notice(level, source, code, prefix + text, progress, eta, time);
    }

    /** The instance this notice is about (see {@link #about}): its name, or {@code default}. */
    public String instance() {
        return Instances.prefixed(text);
    }

    /** The EventAdmin topic this notice goes to: {@code org/talkhost/notice/<LEVEL>}. */
    public String topic() {
        return NoticeTopics.NOTICE + "/" + level.name();
    }

    public Map<String, Object> toProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(PROP_LEVEL, level.name());
        p.put(PROP_SOURCE, source);
        p.put(PROP_CODE, code);
        p.put(PROP_TEXT, text);
        p.put(PROP_PROGRESS, progress);
        if (eta != null) {
            p.put(PROP_ETA_MILLIS, eta.toMillis());
        }
        p.put(PROP_TIME_MILLIS, time.toEpochMilli());
        return p;
    }

    public Event toEvent() {
        return new Event(topic(), toProperties());
    }

    /** Reads a notice back from an event; returns null when the event is not a notice. */
    public static Notice fromEvent(Event event) {
        Object text = event.getProperty(PROP_TEXT);
        Object level = event.getProperty(PROP_LEVEL);
        if (!(text instanceof String) || !(level instanceof String)) {
            return null;
        }
        Object progress = event.getProperty(PROP_PROGRESS);
        Object eta = event.getProperty(PROP_ETA_MILLIS);
        Object time = event.getProperty(PROP_TIME_MILLIS);
        return new Notice(
                Level.valueOf((String) level),
                (String) event.getProperty(PROP_SOURCE),
                (String) event.getProperty(PROP_CODE),
                (String) text,
                progress instanceof Number ? ((Number) progress).doubleValue() : -1,
                eta instanceof Number ? Duration.ofMillis(((Number) eta).longValue()) : null,
                time instanceof Number ? Instant.ofEpochMilli(((Number) time).longValue()) : null);
    }

    @Override
    public String toString() {
        return text;
    }
}
