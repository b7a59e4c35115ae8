package io.orgshell.core;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where a command writes a file of account data ({@code --out}): a regular file, written whole or not at all
 * ({@link PartFile}), or a stream (standard output, a FIFO, a device), which takes the data as it comes and has
 * nothing to move into place or take back.
 */
public interface OutputFile extends AutoCloseable {

    /**
     * A FIFO or a device (whatever links lead there), and the names of this process's own streams
     * ({@code /dev/stdout}, {@code /dev/stderr}, {@code /dev/fd/N}, {@code /proc/self/fd/N}, which may lead to a file
     * the shell redirected to), are written as a stream; anything else, a regular file under {@code /dev/shm}
     * included, is a {@link PartFile}, a symbolic link's target replaced and the link kept.
     */
    static OutputFile open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory");
        }
        return isStream(absolute) ? StreamFile.open(absolute) : PartFile.create(absolute);
    }

    /** Whether {@link #open} writes {@code target} as a stream. */
    static boolean isStream(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        boolean special = Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute);
        return special
                || OWN_STREAMS.contains(absolute.toString())
                || absolute.getParent() != null
                        && OWN_STREAM_DIRECTORIES.contains(absolute.getParent().toString());
    }

    /** Names of standard output and its kind: appended to, whatever they lead to. */
    Set<String> OWN_STREAMS = Set.of("/dev/stdout", "/dev/stderr");

    Set<String> OWN_STREAM_DIRECTORIES = Set.of("/dev/fd", "/proc/self/fd");

    Writer writer();

    /** The data is complete: a file is moved into place, a stream is flushed. */
    void commit() throws IOException;

    /** Without a commit first, a file leaves nothing behind; what a stream was sent stays sent. */
    @Override
    void close() throws IOException;

    /**
     * What scratch files that become part of this file are named with (a path whose last part a random suffix
     * completes), beside it: the same disk, the owner's folder, found and cleared by the next write of the same file
     * if a killed process left them. Null for a stream, whose scratch goes to the system's temporary folder.
     */
    default Path scratchPrefix() {
        return null;
    }

    /** True when what is written is gone at once (nothing to keep back), false for a file replaced when complete. */
    boolean isStream();
}
