package io.orgshell.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold account data or a key are made readable by their owner only. Where the file system
 * has no POSIX permissions (Windows), nothing is narrowed.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    public static Path ensureDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        restrict(dir, OWNER_DIR);
        return dir;
    }

    /** Creates an empty owner-only file, or narrows an existing file to owner-only. */
    public static Path ensureFile(Path file) throws IOException {
        ensureDirectory(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            if (supportsPosix(file.getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(file);
            }
        }
        restrict(file, OWNER_FILE);
        return file;
    }

    public static boolean supportsPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (supportsPosix(p)) {
            Files.setPosixFilePermissions(p, perms);
        }
    }
}
