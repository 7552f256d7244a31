package org.talkhost.audio.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.client.AllTalkClient;
import org.talkhost.api.client.AllTalkException;
import org.talkhost.api.client.ServerSettings;
import org.talkhost.api.detection.ServerKind;

/** Whether the server can stream, asked once per server address (v1 always can). */
final class StreamingSupport {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingSupport.class);
    private final Map<String, Boolean> byTarget = new ConcurrentHashMap<>();

    boolean canStream(AllTalkClient client) {
        String target = String.valueOf(client.target());
        Boolean known = byTarget.get(target);
        if (known != null) {
            return known;
        }
        try {
            ServerSettings s = client.settings();
            boolean can = s.streamingCapable() || s.flavour() == ServerKind.V1;
            byTarget.put(target, can);
            LOG.info("AllTalk at {} {} stream speech", target, can ? "can" : "cannot");
            return can;
        } catch (AllTalkException e) {
            LOG.info(
                    "Could not ask AllTalk at {} whether it can stream ({}); making a whole file this time",
                    target,
                    e.getMessage());
            return false;
        }
    }

    /** The server turned out not to offer streaming after all. */
    void cannot(AllTalkClient client) {
        byTarget.put(String.valueOf(client.target()), false);
    }
}
