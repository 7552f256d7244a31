package org.talkhost.audio.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkhost.api.logging.OperationsLog;

/**
 * Which sinks play a request: the configured ones that are available, then (when allowed) the sinks
 * add-ons registered. Speakers without a sound device fall back to the file sink, said once.
 */
final class SinkSelection {
    private static final Logger LOG = LoggerFactory.getLogger(SinkSelection.class);
    private static final Set<String> BUILT_IN = Set.of(SpeakersSink.NAME, FileSink.NAME, NullSink.NAME);

    private final SinkBoard board;
    private final AudioNotices notices;
    private final Supplier<OperationsLog> operations;
    private final AtomicBoolean saidNoDevice = new AtomicBoolean();

    SinkSelection(SinkBoard board, AudioNotices notices, Supplier<OperationsLog> operations) {
        this.board = board;
        this.notices = notices;
        this.operations = operations;
    }

    List<NamedSink> choose(AudioConfig config) {
        List<NamedSink> all = board.snapshot();
        List<NamedSink> chosen = new ArrayList<>();
        boolean noDevice = false;
        for (String name : config.sinks()) {
            Optional<NamedSink> sink = board.find(all, name.strip());
            if (sink.isEmpty() || chosen.contains(sink.get())) {
                continue;
            }
            if (sink.get().available()) {
                chosen.add(sink.get());
            } else if (SpeakersSink.NAME.equals(sink.get().name())) {
                noDevice = true;
            } else {
                LOG.info("The sound output '{}' is not available now and is skipped", name);
            }
        }
        if (noDevice) {
            fallback(chosen, config).ifPresent(chosen::add);
        } else if (chosen.stream().anyMatch(s -> SpeakersSink.NAME.equals(s.name()))) {
            saidNoDevice.set(false);
        }
        if (config.addOnSinks()) {
            all.stream()
                    .filter(s -> !BUILT_IN.contains(s.name()) && !chosen.contains(s) && s.available())
                    .forEach(chosen::add);
        }
        return chosen;
    }

    /** The file sink, to use instead of speakers that are not there (unless the file sink plays anyway). */
    Optional<NamedSink> fallback(List<NamedSink> chosen, AudioConfig config) {
        if (chosen.stream().anyMatch(s -> FileSink.NAME.equals(s.name()))) {
            return Optional.empty();
        }
        Optional<NamedSink> file = board.find(board.snapshot(), FileSink.NAME);
        if (file.isPresent() && saidNoDevice.compareAndSet(false, true)) {
            String folder = FileSink.folder(config).toString();
            notices.warning("audio.no-device", folder);
            operations.get().warning("No sound device found; speech goes to files in {} instead", folder);
        }
        return file;
    }

    /** Names of the sinks that can play now. */
    List<String> availableNames() {
        List<String> names = new ArrayList<>();
        for (NamedSink s : board.snapshot()) {
            if (s.available()) {
                names.add(s.name());
            }
        }
        return names;
    }
}
