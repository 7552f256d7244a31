package org.talkhost.api.detection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "is AllTalk running?".
 *
 * @param processes  AllTalk-like processes found in the process list
 * @param endpoints  what answered on each probed port
 * @param conclusion the one-word result
 * @param chosen     the AllTalk endpoint TalkHost should use (ready, loading or unresponsive), if any
 * @param summary    the result in plain words, for people
 * @param took       how long the detection took
 */
public record Detection(
        List<ServerProcess> processes,
        List<Endpoint> endpoints,
        Conclusion conclusion,
        Optional<Endpoint> chosen,
        String summary,
        Duration took) {

    public Detection {
        processes = List.copyOf(processes);
        endpoints = List.copyOf(endpoints);
    }

    /** The process that serves the chosen endpoint, when it can be told. */
    public Optional<ServerProcess> chosenProcess() {
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        int port = chosen.get().port();
        return processes.stream()
                .filter(p -> p.port() == port)
                .findFirst()
                .or(() -> processes.size() == 1 ? Optional.of(processes.get(0)) : Optional.empty());
    }
}
