package org.talkhost.api.audio;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Speaks text through AllTalk and plays it through the sinks. One generation at a time (AllTalk is
 * single-threaded), a bounded queue, stop/skip/cancel.
 */
@ProviderType
public interface Speaker {

    /** Queues a request; the future fails with a plain message when the queue is full or AllTalk is down. */
    CompletableFuture<SpeakResult> submit(SpeakRequest request);

    /** Speaks and waits for the end. */
    SpeakResult speak(SpeakRequest request);

    /** Skips what is playing now; the queue goes on. */
    boolean skip();

    /** Stops what is playing now and empties the queue. Returns how many requests were dropped. */
    int stop();

    /** Texts waiting, in order. */
    List<String> queue();

    /** Names of the sinks available now. */
    List<String> sinks();
}
