package org.talkhost.api.detection;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.talkhost.api.notice.NoticeListener;

/** Finds running AllTalk servers: the process list and a probe of the candidate ports. */
@ProviderType
public interface AllTalkDetector {

    /** Detects on the configured host and candidate ports, telling {@code listener} what it does. */
    Detection detect(NoticeListener listener);

    /** Detects on the given host and ports. */
    Detection detect(String host, List<Integer> ports, NoticeListener listener);

    /** Probes one port only (no process scan); fast, for checks just before a start. */
    Endpoint probe(String host, int port);

    /** AllTalk-like processes only. */
    List<ServerProcess> processes();
}
