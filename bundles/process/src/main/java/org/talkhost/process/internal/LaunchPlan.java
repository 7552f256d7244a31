package org.talkhost.process.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.talkhost.api.detection.ServerKind;

/**
 * How to start one AllTalk.
 *
 * @param command    the program and its arguments (no shell)
 * @param workingDir where it runs
 * @param additions  what TalkHost adds to the inherited environment (nothing else changes)
 * @param kind       V1, V2 or STANDIN
 * @param words      how a person names it ("AllTalk v2", "AllTalk (the built-in stand-in)")
 * @param timingKey  the key of its past start times
 */
record LaunchPlan(
        List<String> command,
        Path workingDir,
        Map<String, String> additions,
        ServerKind kind,
        String words,
        String timingKey) {

    LaunchPlan {
        command = List.copyOf(command);
        additions = Map.copyOf(additions);
    }
}
