package org.talkhost.api.gateway;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the gateway (the stable address front-ends call, 127.0.0.1:7850 by default) is doing, for
 * {@code alltalk:status} and the control page. The gateway bundle provides it; readers take it optionally.
 */
@ProviderType
public interface GatewayStatus {

    /** Configuration PID of the gateway. */
    String PID = "org.talkhost.gateway";

    /** Where front-ends reach it, e.g. {@code http://127.0.0.1:7850}. */
    String address();

    /** True when it takes requests; false when it refused to start (see {@link #explanation()}). */
    boolean serving();

    /** Its state in one plain sentence (why it refused to start, when it did). */
    String explanation();

    /** Requests answered, whatever the answer. */
    long served();

    /** Requests that had to wait for AllTalk to be ready. */
    long held();

    /** Requests refused because AllTalk stayed unavailable too long or too many were waiting (503). */
    long refused();

    /** Requests waiting right now. */
    int waiting();

    /** The AllTalk instances it sends requests to, in the order they joined (one for a single server). */
    default java.util.List<InstanceLoad> instances() {
        return java.util.List.of();
    }
}
