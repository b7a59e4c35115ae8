package io.orgshell.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that hold account data or a key are made readable by their owner only. Only what orgshell
 * creates for itself is narrowed: the folder a user exports into is theirs (a shared {@code /tmp} must stay
 * {@code 1777}), so its mode is never touched. Where the file system has no POSIX permissions (Windows), nothing is
 * narrowed.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /**
     * Creates {@code dir} (and any missing parent) owner-only from the start. A folder that already exists keeps its
     * mode, whoever made it: the user may have pointed orgshell at a shared {@code 1777} one, whose sticky bit a
     * chmod would drop.
     */
    public static Path ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path absolute = dir.toAbsolutePath();
        if (supportsPosix(absolute)) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
            Files.createDirectories(absolute);
        }
        return dir;
    }

    /** Creates {@code dir}, which must not exist yet (two processes never share it), owner-only from the start. */
    public static Path createDirectory(Path dir) throws IOException {
        return supportsPosix(dir.toAbsolutePath())
                ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR))
                : Files.createDirectory(dir);
    }

    /**
     * Creates an empty owner-only file, or narrows an existing file to owner-only. A missing parent folder is
     * created owner-only; an existing one is left as it is.
     */
    public static Path ensureFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            ensureDirectory(parent);
        }
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

    /**
     * Creates {@code file}, which must not exist, owner-only from its first byte (no create-then-chmod window) and
     * opens it for writing. A symbolic link at that path is refused, not followed: in a shared folder someone else
     * may have planted it to make orgshell write through it.
     */
    public static OutputStream createNew(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; refusing to write through it");
        }
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        SeekableByteChannel channel = supportsPosix(file.toAbsolutePath().getParent())
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.newByteChannel(file, options);
        return Channels.newOutputStream(channel);
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
