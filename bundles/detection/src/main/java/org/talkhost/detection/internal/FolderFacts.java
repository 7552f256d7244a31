package org.talkhost.detection.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a folder holds a file: the disk in the host, a fixed set in tests. */
@FunctionalInterface
interface FolderFacts {

    boolean has(Path folder, String relative);

    /** The real file system; an unreadable folder holds nothing. */
    FolderFacts DISK = (folder, relative) -> {
        try {
            return Files.exists(folder.resolve(relative));
        } catch (RuntimeException e) {
            return false;
        }
    };
}
