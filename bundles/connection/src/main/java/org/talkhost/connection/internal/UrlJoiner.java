package org.talkhost.connection.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes the file URLs AllTalk reports into absolute URLs on the server TalkHost talks to. v1 reports
 * absolute URLs (with the address AllTalk thinks it has), v2 relative ones ({@code /audio/x.wav}).
 * Only the path and query are kept and put on the target, so an absolute URL is never glued to the
 * base ({@code http://...:7851http://...}) and a URL naming another address still reaches the target.
 */
final class UrlJoiner {

    private UrlJoiner() {}

    /** The absolute URL on {@code base}; null when {@code url} is null or blank. */
    static URI join(URI base, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String s = url.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        s = "/" + s.replaceFirst("^/+", "");
        return base.resolve(parse(s));
    }

    /** A path with an optional query, encoding characters (spaces, ...) that a URI does not allow. */
    private static URI parse(String pathAndQuery) {
        try {
            return new URI(pathAndQuery);
        } catch (URISyntaxException e) {
            int q = pathAndQuery.indexOf('?');
            try {
                return new URI(
                        null,
                        null,
                        q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                        q < 0 ? null : pathAndQuery.substring(q + 1),
                        null);
            } catch (URISyntaxException again) {
                throw new IllegalArgumentException("not a usable file address: " + pathAndQuery, again);
            }
        }
    }
}
