package org.talkhost.process.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A Supervisor test: a fresh {@link Rig} in its own home for each test, closed (and its children stopped) after. */
abstract class WithRig {
    @TempDir
    Path home;

    Rig rig;

    @BeforeEach
    void setUpRig() throws Exception {
        rig = new Rig(home);
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }
}
