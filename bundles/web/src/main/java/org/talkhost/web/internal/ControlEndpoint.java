package org.talkhost.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.HostPaths;

/**
 * Where this TalkHost's control API answers, told to programs on the same machine: at start it makes
 * the token ({@code runtime/control.token}) and writes {@code runtime/control.json} with the API's
 * address and this process's id, which {@code ./talkhost --exec} reads to talk to the running host
 * instead of booting a second one. The file goes when the API stops.
 */
@Component(service = ControlEndpoint.class, immediate = true)
public final class ControlEndpoint {
    static final String FILE = "control.json";
    static final String API_PATH = "/talkhost/api/";
    private static final Logger LOG = LoggerFactory.getLogger(ControlEndpoint.class);

    private final Path runtime;
    private final AccessRule access;
    private final URI api;

    @Activate
    public ControlEndpoint(@Reference HttpServiceRuntime runtime) throws IOException {
        this(HostPaths.runtime(), endpoints(runtime));
    }

    ControlEndpoint(Path runtime, List<String> endpoints) throws IOException {
        this.runtime = runtime;
        URI first = URI.create(endpoints.isEmpty() ? "http://127.0.0.1:7850/" : endpoints.get(0));
        boolean loopback = endpoints.stream().map(e -> URI.create(e).getHost())
                .allMatch(AccessRule::isLoopback);
        String host = loopback ? first.getHost() : "127.0.0.1";
        this.api = URI.create("http://" + host + ":" + first.getPort() + API_PATH);
        this.access = new AccessRule(ControlToken.inFolder(runtime), loopback);
        write();
        LOG.info("TalkHost's control API answers at {} (page at {}); changes need runtime/{}", api,
                api.resolve("/talkhost/"), ControlToken.FILE);
    }

    AccessRule access() {
        return access;
    }

    URI api() {
        return api;
    }

    private void write() throws IOException {
        Path tmp = runtime.resolve(FILE + ".tmp");
        String json = "{\"api\":\"" + api + "\",\"pid\":" + ProcessHandle.current().pid() + "}\n";
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, runtime.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Deactivate
    void stop() {
        try {
            Files.deleteIfExists(runtime.resolve(FILE));
        } catch (IOException e) {
            LOG.debug("Could not remove runtime/{}", FILE, e);
        }
    }

    private static List<String> endpoints(HttpServiceRuntime runtime) {
        Object value = runtime.getRuntimeDTO().serviceDTO.properties.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
        List<String> out = new ArrayList<>();
        if (value instanceof String[]) {
            out.addAll(List.of((String[]) value));
        } else if (value instanceof java.util.Collection) {
            ((java.util.Collection<?>) value).forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }
}
