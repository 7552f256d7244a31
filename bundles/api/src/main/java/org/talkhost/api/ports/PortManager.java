package org.talkhost.api.ports;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.talkhost.api.detection.ServerKind;

/** Chooses the port AllTalk should use, explains the choice, and writes it back. */
@ProviderType
public interface PortManager {

    /** Each configured candidate port (7851, 7852, extras) and who holds it. */
    List<PortStatus> survey();

    /** Chooses the first free candidate; for v2 also a free UI port that is not the API port. */
    PortChoice choose(ServerKind flavour);

    /** Checks again that {@code port} is still free, just before a start. */
    boolean stillFree(int port);

    /**
     * Persists the choice: TalkHost's configuration (Config Admin, saved to config/) and, when
     * {@code allTalkDir} holds a confignew.json, AllTalk's own file (kept whole, backed up once, written
     * atomically). Returns what was written, in plain words.
     */
    String persist(PortChoice choice, Path allTalkDir, ServerKind flavour);
}
