package org.talkhost.process.internal;

import java.util.Arrays;
import java.util.Objects;

import org.talkhost.api.config.AllTalkSettings;

/**
 * Whether two configurations would start AllTalk differently. The chosen {@code port} is left out: TalkHost
 * writes it back itself during a start, and that write must not count as the user's change.
 */
final class StartInputs {
    private StartInputs() {}

    static boolean differ(AllTalkSettings a, AllTalkSettings b) {
        return !Objects.equals(a.mode(), b.mode())
                || !Objects.equals(a.installDir(), b.installDir())
                || !Objects.equals(a.python(), b.python())
                || !Objects.equals(a.launchScript(), b.launchScript())
                || !Objects.equals(a.host(), b.host())
                || !Arrays.equals(a.ports(), b.ports())
                || a.readyTimeoutSeconds() != b.readyTimeoutSeconds()
                || !Objects.equals(a.standinFlavor(), b.standinFlavor())
                || !Objects.equals(a.standinArgs(), b.standinArgs());
    }
}
