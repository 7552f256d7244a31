package org.talkhost.audio.internal;

import java.nio.file.Path;

/** A playback that writes a file; the Speaker reports the file in its result. */
interface WritesFile {
    Path file();
}
