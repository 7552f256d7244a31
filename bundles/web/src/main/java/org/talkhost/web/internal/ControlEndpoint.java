package org.talkhost.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.config.HostPaths;

/**
 * Where this TalkHost's control API answers, told to programs on the same machine: at start it makes
 * the token ({@code runtime/control.token}); while an HTTP runtime serves, {@code runtime/control.json}
 * holds the API's address and this process's id, which {@code ./talkhost --exec} reads to talk to the
 * running host instead of booting a second one. The file goes when the runtime or this bundle stops.
 */
@Component(service = ControlEndpoint.class, immediate = true)
public final class ControlEndpoint {
    static final String FILE = "control.json";
    static final String API_PATH = "/talkhost/api/";
    private static final Logger LOG = LoggerFactory.getLogger(ControlEndpoint.class);

    private final Path runtime;
    private final ControlToken token;
    private volatile AccessRule access;
    private volatile boolean wrote;

    @Activate
    public ControlEndpoint() throws IOException {
        this(HostPaths.runtime());
    }

    ControlEndpoint(Path runtime) throws IOException {
        this.runtime = runtime;
        this.token = ControlToken.inFolder(runtime);
        this.access = new AccessRule(token, true);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, updated = "serving")
    void serving(HttpServiceRuntime runtime, Map<String, Object> properties) {
        serving(endpoints(properties.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT)));
    }

    /** An HTTP runtime serves at {@code endpoints}: the rule follows its bind, the file its address. */
    void serving(List<String> endpoints) {
        URI first = URI.create(endpoints.isEmpty() ? "http://127.0.0.1:7850/" : endpoints.get(0));
        boolean loopback = endpoints.stream().map(e -> URI.create(e).getHost()).allMatch(AccessRule::isLoopback);
        String host = loopback ? first.getHost() : "127.0.0.1";
        URI api = URI.create("http://" + host + ":" + first.getPort() + API_PATH);
        access = new AccessRule(token, loopback);
        try {
            write(api);
            wrote = true;
            LOG.info(
                    "TalkHost's control API answers at {} (page at {}); changes need runtime/{}",
                    api,
                    api.resolve("/talkhost/"),
                    ControlToken.FILE);
        } catch (IOException e) {
            LOG.warn(
                    "Could not write runtime/{}, so ./talkhost --exec will start a second TalkHost instead of "
                            + "using this one: {}",
                    FILE,
                    e.getMessage());
        }
    }

    void unserving(HttpServiceRuntime runtime) {
        remove();
    }

    AccessRule access() {
        return access;
    }

    private void write(URI address) throws IOException {
        Path tmp = runtime.resolve(FILE + ".tmp");
        String json = "{\"api\":\"" + address + "\",\"pid\":"
                + ProcessHandle.current().pid() + "}\n";
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, runtime.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Deactivate
    void stop() {
        remove();
    }

    /** Removes the file this host wrote (never one another TalkHost in this folder wrote). */
    private void remove() {
        if (!wrote) {
            return;
        }
        wrote = false;
        try {
            Files.deleteIfExists(runtime.resolve(FILE));
        } catch (IOException e) {
            LOG.debug("Could not remove runtime/{}", FILE, e);
        }
    }

    private static List<String> endpoints(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String[]) {
            out.addAll(List.of((String[]) value));
        } else if (value instanceof Collection) {
            ((Collection<?>) value).forEach(v -> out.add(String.valueOf(v)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }
}
