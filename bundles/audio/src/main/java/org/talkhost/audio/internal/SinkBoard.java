package org.talkhost.audio.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.talkhost.api.audio.AudioSink;

/** The sinks registered now (whiteboard), in the order they came. */
final class SinkBoard {
    private final List<NamedSink> sinks = new CopyOnWriteArrayList<>();

    void add(AudioSink sink, Map<String, ?> properties) {
        sinks.add(new NamedSink(name(sink, properties), sink));
    }

    /** The sink keeps its place; its name follows its {@value AudioSink#NAME} property. */
    void update(AudioSink sink, Map<String, ?> properties) {
        String name = name(sink, properties);
        sinks.replaceAll(n -> n.sink() == sink ? new NamedSink(name, sink) : n);
    }

    void remove(AudioSink sink) {
        sinks.removeIf(n -> n.sink() == sink);
    }

    /** A copy, safe to iterate while sinks come and go. */
    List<NamedSink> snapshot() {
        return List.copyOf(sinks);
    }

    Optional<NamedSink> find(List<NamedSink> snapshot, String name) {
        return snapshot.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static String name(AudioSink sink, Map<String, ?> properties) {
        Object prop = properties == null ? null : properties.get(AudioSink.NAME);
        return prop instanceof String && !((String) prop).isBlank() ? (String) prop : nameOf(sink);
    }

    private static String nameOf(AudioSink sink) {
        try {
            String n = sink.name();
            return n == null || n.isBlank() ? sink.getClass().getName() : n;
        } catch (RuntimeException | LinkageError e) {
            return sink.getClass().getName();
        }
    }
}
