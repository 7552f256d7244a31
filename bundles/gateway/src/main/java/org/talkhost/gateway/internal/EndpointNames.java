package org.talkhost.gateway.internal;

/** Names requests by endpoint for the metrics: {@code /api/tts-generate}, {@code /audio}, ... */
final class EndpointNames {
    static final String OPENAI_SPEECH = "/v1/audio/speech";
    /** AllTalk's endpoints (v1 and v2); anything else counts as "other", so clients cannot invent names. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of(
            "/",
            "/ready",
            "/settings-json",
            "/api/ready",
            "/api/voices",
            "/api/currentsettings",
            "/api/reload",
            "/api/tts-generate",
            "/api/tts-generate-streaming",
            "/api/stop-generation",
            "/api/previewvoice",
            "/api/generate",
            "/api/reload_config",
            "/api/rvcvoices",
            OPENAI_SPEECH);

    private EndpointNames() {}

    /** The endpoint of a raw path (and query): files under /audio and /audiocache count as one. */
    static String of(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (path.startsWith("/audio/")) {
            return "/audio";
        }
        if (path.startsWith("/audiocache/")) {
            return "/audiocache";
        }
        String name = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return KNOWN.contains(name) ? name : "other";
    }
}
