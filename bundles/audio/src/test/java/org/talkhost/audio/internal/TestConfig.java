package org.talkhost.audio.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** An {@link AudioConfig} with the defaults, changed one setting at a time. */
final class TestConfig implements AudioConfig {
    private String[] sinks = {"speakers"};
    private boolean addOnSinks = true;
    private String folder = "";
    private int queueBound = 16;
    private double volume = 1.0;
    private boolean preferStreaming = true;
    private double minRms = 0.005;

    static TestConfig defaults() {
        return new TestConfig();
    }

    TestConfig sinks(String... names) {
        sinks = names;
        return this;
    }

    TestConfig addOns(boolean on) {
        addOnSinks = on;
        return this;
    }

    TestConfig folder(Path path) {
        folder = path.toString();
        return this;
    }

    TestConfig queue(int bound) {
        queueBound = bound;
        return this;
    }

    TestConfig volume(double v) {
        volume = v;
        return this;
    }

    TestConfig streaming(boolean on) {
        preferStreaming = on;
        return this;
    }

    /** No silence check (a real voice may whisper). */
    TestConfig minRmsOff() {
        minRms = 0;
        return this;
    }

    @Override
    public String[] sinks() {
        return sinks.clone();
    }

    @Override
    public boolean addOnSinks() {
        return addOnSinks;
    }

    @Override
    public String folder() {
        return folder;
    }

    @Override
    public int queueBound() {
        return queueBound;
    }

    @Override
    public double volume() {
        return volume;
    }

    @Override
    public boolean preferStreaming() {
        return preferStreaming;
    }

    @Override
    public double minRms() {
        return minRms;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return AudioConfig.class;
    }
}
