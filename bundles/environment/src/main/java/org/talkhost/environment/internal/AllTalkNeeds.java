package org.talkhost.environment.internal;

import java.util.List;

import org.talkhost.api.install.AllTalkInstall;

/**
 * What each AllTalk version needs from Python. v1 (branch {@code main}): Python 3.9 or newer, up to 3.11
 * (its speech library, Coqui TTS 0.22, stops at 3.11). v2 (branch {@code alltalkbeta}): Python 3.10 or
 * newer; its web UI ({@code script.py}) also needs Gradio, its API server alone ({@code tts_server.py}) does not.
 * Package names are import names, which are also the pip names here.
 */
record AllTalkNeeds(String name, int minMinor, int maxMinor, List<String> packages) {
    static final AllTalkNeeds V1 = new AllTalkNeeds(
            "v1",
            9,
            11,
            List.of("TTS", "torch", "torchaudio", "fastapi", "uvicorn", "soundfile", "pydantic", "numpy", "requests"));
    static final AllTalkNeeds V2 = new AllTalkNeeds(
            "v2",
            10,
            Integer.MAX_VALUE,
            List.of(
                    "fastapi",
                    "uvicorn",
                    "torch",
                    "torchaudio",
                    "gradio",
                    "soundfile",
                    "pydantic",
                    "numpy",
                    "requests"));
    /** v2 started with {@code tts_server.py}: the API server alone, without the Gradio web UI. */
    static final AllTalkNeeds V2_API = new AllTalkNeeds(
            "v2",
            10,
            Integer.MAX_VALUE,
            List.of("fastapi", "uvicorn", "torch", "torchaudio", "soundfile", "pydantic", "numpy", "requests"));
    /** Folder not found yet: the loosest rule, so that only Python itself is judged. */
    static final AllTalkNeeds UNKNOWN = new AllTalkNeeds("", 9, Integer.MAX_VALUE, List.of());

    static AllTalkNeeds of(AllTalkInstall install) {
        return install.v2() ? (install.apiServerOnly() ? V2_API : V2) : install.v1() ? V1 : UNKNOWN;
    }

    String minVersion() {
        return "3." + minMinor;
    }

    /** Major and minor of "3.11.7" as {3, 11}; {0, 0} when it cannot be read. */
    static int[] version(String text) {
        if (text != null) {
            String[] parts = text.trim().split("\\.");
            try {
                return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return new int[] {0, 0};
    }

    boolean tooOld(String version) {
        int[] v = version(version);
        return v[0] < 3 || (v[0] == 3 && v[1] < minMinor);
    }

    boolean tooNew(String version) {
        int[] v = version(version);
        return v[0] > 3 || (v[0] == 3 && v[1] > maxMinor);
    }
}
