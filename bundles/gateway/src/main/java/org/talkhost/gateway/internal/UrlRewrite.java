package org.talkhost.gateway.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points {@code output_file_url} and {@code output_cache_url} at the gateway. v1 answers absolute URLs
 * ({@code http://127.0.0.1:7851/audio/x.wav}): their scheme, host and port become the gateway's. v2
 * answers relative ones ({@code /audio/x.wav}), which already resolve against the gateway: kept.
 */
final class UrlRewrite {
    private static final Pattern URL = Pattern.compile("(\"output_(?:file|cache)_url\"\\s*:\\s*\")https?://[^/\"]*");

    private UrlRewrite() {}

    /** True when {@code json} may hold a URL to rewrite (a cheap test before the real work). */
    static boolean applies(String json) {
        return json.contains("_url\"");
    }

    static String rewrite(String json, String gatewayBase) {
        Matcher m = URL.matcher(json);
        if (!m.find()) {
            return json;
        }
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + gatewayBase));
    }
}
