package org.talkhost.ports.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Which instance each chosen port belongs to, shared by the port managers of all instances in this host: a
 * port chosen for one instance (its API or its web page) is never offered to another while the first
 * keeps it.
 */
@Component(service = PortClaims.class)
public final class PortClaims {
    private final Map<Integer, String> owners = new ConcurrentHashMap<>();

    /** The instance other than {@code instance} that holds {@code port}, if any. */
    Optional<String> heldByAnother(int port, String instance) {
        String owner = owners.get(port);
        return owner == null || owner.equals(instance) ? Optional.empty() : Optional.of(owner);
    }

    /** Gives {@code instance} the ports it chose (0 = none); its earlier ones are let go. */
    synchronized void claim(String instance, int... ports) {
        releaseAll(instance);
        for (int p : ports) {
            if (p > 0) {
                owners.putIfAbsent(p, instance);
            }
        }
    }

    void releaseAll(String instance) {
        owners.values().removeIf(instance::equals);
    }
}
