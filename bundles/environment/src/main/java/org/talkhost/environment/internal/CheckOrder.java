package org.talkhost.environment.internal;

/**
 * Where each built-in check appears in the report. Service property {@value #PROPERTY} (an integer);
 * an add-on check may set it too, else it comes after the built-in ones.
 */
final class CheckOrder {
    static final String PROPERTY = "talkhost.check.order";
    static final int DEFAULT = 1000;

    static final String INSTALL = PROPERTY + ":Integer=10";
    static final String PYTHON = PROPERTY + ":Integer=20";
    static final String PACKAGES = PROPERTY + ":Integer=30";
    static final String CUDA = PROPERTY + ":Integer=40";
    static final String SOUND = PROPERTY + ":Integer=50";
    static final String PORTAUDIO = PROPERTY + ":Integer=60";
    static final String ESPEAK = PROPERTY + ":Integer=70";
    static final String DISK = PROPERTY + ":Integer=80";
    static final String PORTS = PROPERTY + ":Integer=90";

    private CheckOrder() {}

    static int of(Object value) {
        if (value instanceof Number) {
            return ((Number) value).intValue();
        }
        try {
            return value == null ? DEFAULT : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }
}
