package org.talkhost.ports.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Which instance each port belongs to, shared by the port managers of all instances in this host: a port
 * chosen for one instance (its API or its web page) is never offered to another while the first keeps it,
 * and a web page never takes a port another instance may need for its API (one of its candidates).
 */
@Component(service = PortClaims.class)
public final class PortClaims {
    private final Map<Integer, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> candidates = new ConcurrentHashMap<>();

    /** The instance other than {@code instance} that holds {@code port}, if any. */
    Optional<String> heldByAnother(int port, String instance) {
        String owner = owners.get(port);
        return owner == null || owner.equals(instance) ? Optional.empty() : Optional.of(owner);
    }

    /** The instance other than {@code instance} whose API may use {@code port} (a candidate of it), if any. */
    Optional<String> neededByAnother(int port, String instance) {
        return candidates.entrySet().stream()
                .filter(e -> !e.getKey().equals(instance) && e.getValue().contains(port))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    /** The API ports {@code instance} may use, as configured now. */
    void candidates(String instance, List<Integer> ports) {
        candidates.put(instance, Set.copyOf(ports));
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

    /** {@code instance} chose nothing (any more). */
    void releaseAll(String instance) {
        owners.values().removeIf(instance::equals);
    }

    /** {@code instance} is gone: nothing is kept for it. */
    void forget(String instance) {
        releaseAll(instance);
        candidates.remove(instance);
    }
}
