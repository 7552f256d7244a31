package org.talkhost.standin.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds the endpoint for a request the way Starlette's router does: an exact path, or a prefix with one
 * more path segment ("/audio/{filename}"); a known path with another method gives 405; an unknown path
 * that matches once its trailing slash is added or removed gives a 307 redirect; anything else 404.
 */
public final class Router {

    private final Map<String, Map<String, Endpoint>> exact = new LinkedHashMap<>();
    private final Map<String, Map<String, Endpoint>> prefixed = new LinkedHashMap<>();

    /** Adds an endpoint. GET endpoints do not answer HEAD: FastAPI's routes take only the methods named. */
    public Router add(String method, String path, Endpoint endpoint) {
        table(path).computeIfAbsent(key(path), k -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    public void dispatch(Call call) throws IOException {
        if (Cors.preflight(call)) {
            return;
        }
        String path = call.path();
        Map<String, Endpoint> methods = find(path);
        if (methods == null) {
            String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
            if (!"/".equals(path) && find(other) != null) {
                String host = call.header("host");
                String query = call.rawQuery() == null ? "" : "?" + call.rawQuery();
                call.reply().redirect("http://" + (host == null ? "127.0.0.1" : host) + other + query);
                return;
            }
            call.reply().notFound();
            return;
        }
        Endpoint endpoint = methods.get(call.method());
        if (endpoint == null) {
            call.reply().methodNotAllowed(String.join(", ", methods.keySet()));
            return;
        }
        endpoint.handle(call);
    }

    private Map<String, Endpoint> find(String path) {
        Map<String, Endpoint> hit = exact.get(path);
        if (hit != null) {
            return hit;
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0 && slash < path.length() - 1) {
            return prefixed.get(path.substring(0, slash + 1));
        }
        return null;
    }

    private Map<String, Map<String, Endpoint>> table(String path) {
        return path.endsWith("/{}") ? prefixed : exact;
    }

    private static String key(String path) {
        return path.endsWith("/{}") ? path.substring(0, path.length() - 2) : path;
    }

    /** The last path segment of a "/prefix/{}" route, e.g. the file name of "/audio/x.wav". */
    public static String lastSegment(Call call) {
        String path = call.path();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
