package org.talkhost.gateway.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AllTalk instances behind the gateway, and which one gets a request: a usable one (its Supervisor says
 * ready and the gateway has not seen it fail since) with the fewest requests in flight for its weight. Also
 * remembers which instance made each audio file, so that {@code /audio/...} is fetched from it.
 */
@Component(service = Pool.class)
public final class Pool {
    private static final Logger LOG = LoggerFactory.getLogger(Pool.class);
    static final int REMEMBERED_FILES = 4096;
    private static final Pattern FILE_URL =
            Pattern.compile("\"output_(?:file|cache)_url\"\\s*:\\s*\"(?:https?://[^/\"]*)?(/[^\"?]*)");

    private final List<AllTalkWhere> members = new CopyOnWriteArrayList<>();
    private final Map<String, AllTalkWhere> madeBy = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AllTalkWhere> eldest) {
            return size() > REMEMBERED_FILES;
        }
    });

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(AllTalkWhere member) {
        members.add(member);
        LOG.info("AllTalk instance '{}' joined the gateway's pool", member.instance());
    }

    void remove(AllTalkWhere member) {
        members.remove(member);
        madeBy.values().removeIf(m -> m == member);
        LOG.info("AllTalk instance '{}' left the gateway's pool", member.instance());
    }

    List<AllTalkWhere> members() {
        return List.copyOf(members);
    }

    /**
     * The instance for {@code call} ({@link #pick}), with the call counted in flight there, in one step: requests
     * arriving together each see where the others went. Picked and counted apart, a burst of requests all saw the
     * same least busy instance and went there together (a burst of 60 gave one of three instances 5).
     */
    AllTalkWhere take(Call call) {
        return take(call.method, call.path());
    }

    synchronized AllTalkWhere take(String method, String path) {
        AllTalkWhere m = pick(method, path);
        if (m != null) {
            m.began();
        }
        return m;
    }

    /** The instance for a call: the maker of an audio file when known and usable, else the least busy. */
    AllTalkWhere pick(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method)) {
            AllTalkWhere maker = madeBy.get(path);
            if (maker != null && members.contains(maker) && maker.unusable() == null) {
                return maker;
            }
        }
        return leastBusy();
    }

    /** A usable instance with the fewest requests in flight for its weight (then the fewest served), or null. */
    AllTalkWhere leastBusy() {
        AllTalkWhere best = null;
        double bestLoad = Double.MAX_VALUE;
        for (AllTalkWhere m : members) {
            if (m.unusable() != null) {
                continue;
            }
            double load = (m.inFlight() + 1.0) / m.weight();
            if (best == null || load < bestLoad || load == bestLoad && m.served() < best.served()) {
                best = m;
                bestLoad = load;
            }
        }
        return best;
    }

    /** Why no instance takes requests now, in a plain phrase. */
    String noneReady() {
        List<String> why = new ArrayList<>();
        for (AllTalkWhere m : members) {
            String u = m.unusable();
            if (u != null) {
                why.add(members.size() == 1 ? u : "instance '" + m.instance() + "': " + u);
            }
        }
        return why.isEmpty() ? "no AllTalk instance is configured" : String.join("; ", why);
    }

    /** True when the gateway saw an instance fail (or has not seen it ready yet). */
    boolean anyFailed() {
        for (AllTalkWhere m : members) {
            if (m.failed()) {
                return true;
            }
        }
        return false;
    }

    /** Asks each instance the gateway saw fail whether it answers Ready again; true when one is usable now. */
    boolean revive(Upstream upstream) {
        for (AllTalkWhere m : members) {
            if (m.failed() && upstream.ready(m.address())) {
                m.up();
                LOG.info("AllTalk instance '{}' answers Ready again; the gateway sends it requests", m.instance());
            }
        }
        return leastBusy() != null;
    }

    /** Notes the audio files named in {@code json}, an answer of {@code maker}. */
    void made(String json, AllTalkWhere maker) {
        Matcher m = FILE_URL.matcher(json);
        while (m.find()) {
            madeBy.put(m.group(1), maker);
        }
    }

    /** The longest time any instance may take between two bytes of an answer. */
    Duration readTimeout() {
        Duration out = Duration.ofSeconds(10);
        for (AllTalkWhere m : members) {
            Duration d = m.readTimeout();
            if (d.compareTo(out) > 0) {
                out = d;
            }
        }
        return out;
    }
}
