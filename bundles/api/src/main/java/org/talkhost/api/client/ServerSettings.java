package org.talkhost.api.client;

import java.util.List;
import java.util.Map;

import org.talkhost.api.detection.ServerKind;

/**
 * {@code /api/currentsettings}, read the same way for v1 and v2.
 *
 * @param kind               V1, V2 or STANDIN (the stand-in of either flavour)
 * @param flavour            V1 or V2: which API rules apply (for the stand-in, the flavour it imitates)
 * @param engine             the loaded engine or model ("xtts", "piper", "xttsv2_2.0.2", ...)
 * @param enginesAvailable   engines or models it can load
 * @param streamingCapable   whether streaming generation is offered
 * @param speechEndpoint     whether {@code /v1/audio/speech} exists (v2)
 * @param raw                every field as sent
 */
public record ServerSettings(
        ServerKind kind,
        ServerKind flavour,
        String engine,
        List<String> enginesAvailable,
        boolean streamingCapable,
        boolean speechEndpoint,
        Map<String, Object> raw) {

    public ServerSettings {
        enginesAvailable = List.copyOf(enginesAvailable);
        raw = Map.copyOf(raw);
    }
}
