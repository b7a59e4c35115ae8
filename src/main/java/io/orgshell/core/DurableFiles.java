package io.orgshell.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file replaced so that a power loss leaves either the old or the new content under its name, never an empty or
 * half-written one: the new content is forced to disk before the rename, and the folder after it (a rename lives
 * in the folder, not in the file).
 */
public final class DurableFiles {

    private DurableFiles() {}

    /** Moves the complete file {@code written} over {@code target}, both forced to disk. */
    public static void replace(Path written, Path target) throws IOException {
        force(written);
        try {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Forces a folder's entries (a file created or renamed in it) to disk. Some file systems and platforms refuse
     * to open or sync a folder; there the rename is as durable as they make it, and nothing more can be done.
     */
    public static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // refused by this file system (Windows, some network mounts): the rename itself has been done
        }
    }
}
