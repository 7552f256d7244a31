package org.talkhost.api.audio;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where sound goes: speakers, files, or anything an add-on registers. A whiteboard service: register
 * one and the Speaker plays through it. Service property {@value #NAME} names it.
 */
@ConsumerType
public interface AudioSink {
    /** Service property: the sink's name, as used in configuration and commands. */
    String NAME = "talkhost.sink.name";

    String name();

    /** Whether it can play now (a speaker sink without a sound device cannot). */
    default boolean available() {
        return true;
    }

    /** Opens one utterance; PCM follows through {@link Playback#write}, then {@link Playback#close}. */
    Playback open(AudioInfo info) throws IOException;

    /** One utterance being played. */
    interface Playback extends AutoCloseable {
        void write(byte[] pcm, int offset, int length) throws IOException;

        /** Stops at once, dropping what is not played yet. */
        default void abort() {}

        @Override
        void close() throws IOException;
    }
}
