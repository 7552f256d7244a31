package org.talkhost.api.gateway;

/**
 * One AllTalk instance behind the gateway, as people see it in {@code alltalk:status}, on the status page and
 * in the metrics.
 *
 * @param name     the instance's name ({@code default} for {@code config/org.talkhost.alltalk.config})
 * @param kind     how TalkHost runs it: {@code managed}, {@code standin}, {@code external}, or {@code remote}
 *                 (external on another machine: checked and used, never started or stopped)
 * @param where    host and port it answers on
 * @param state    what its Supervisor says, or why the gateway sends it nothing now
 * @param ready    true when the gateway sends it requests now
 * @param inFlight requests it is working on now
 * @param served   requests it answered through the gateway
 * @param weight   its share of requests, relative to the others
 */
public record InstanceLoad(
        String name, String kind, String where, String state, boolean ready, int inFlight, long served, int weight) {}
