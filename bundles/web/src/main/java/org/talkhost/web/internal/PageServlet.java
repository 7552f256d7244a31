package org.talkhost.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The status page at {@code /talkhost/}: plain HTML, CSS and JavaScript from this bundle (no build
 * step, nothing from the internet). It reads the control API and its event stream like any client.
 */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern({"/talkhost", "/talkhost/*"})
public final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of(
            "index.html",
            "text/html",
            "app.js",
            "text/javascript",
            "style.css",
            "text/css",
            "favicon.svg",
            "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getRequestURI() + "/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = FILES.get(name);
        if (type == null) {
            Answers.plain(resp, 404, "There is no " + req.getRequestURI() + " here; the status page is at /talkhost/.");
            return;
        }
        try (InputStream in = PageServlet.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                Answers.plain(resp, 404, "The page file " + name + " is missing from the web bundle.");
                return;
            }
            resp.setStatus(200);
            resp.setContentType(type);
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader(
                    "Content-Security-Policy", "default-src 'self'; media-src 'self' blob:; img-src 'self' data:");
            in.transferTo(resp.getOutputStream());
        }
    }
}
