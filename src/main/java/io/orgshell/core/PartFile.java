package io.orgshell.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of account data written whole or not at all: into {@code NAME.part}, owner-only from its creation (the folder
 * it is written into keeps its mode), then moved into place forced to disk ({@link DurableFiles}). An interrupted
 * writer never leaves a truncated file under the real name. A symbolic link at the name stays a link: the file it
 * leads to is the one replaced, through a {@code .part} beside that file.
 */
public final class PartFile implements OutputFile {

    /** As Linux's own bound on the links one path may go through. */
    private static final int MAX_LINKS = 40;

    private final Path target;
    private final Path part;
    private final Writer writer;
    private boolean committed;

    private PartFile(Path target, Path part, Writer writer) {
        this.target = target;
        this.part = part;
        this.writer = writer;
    }

    /** Beside the file, hidden, named after it: {@code .users.csv.part-<random>}. */
    @Override
    public Path scratchPrefix() {
        return target.resolveSibling("." + target.getFileName() + ".part-");
    }

    /** Opens {@code target} for writing; fails at once (before any request) when the place is not writable. */
    public static PartFile create(Path target) throws IOException {
        Path absolute = followLinks(target.toAbsolutePath());
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory");
        }
        Path part = dir.resolve(absolute.getFileName() + ".part");
        if (!Files.isSymbolicLink(part)) {
            Files.deleteIfExists(part); // left by a writer that was killed; a planted link is refused below
        }
        Writer writer =
                new BufferedWriter(new OutputStreamWriter(OwnerOnlyFiles.createNew(part), StandardCharsets.UTF_8));
        return new PartFile(absolute, part, writer);
    }

    /** The path the links at {@code path} lead to, followed one by one so that a link to nothing yet still leads. */
    private static Path followLinks(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    @Override
    public Writer writer() {
        return writer;
    }

    /** Flushes and moves the complete file into place. */
    @Override
    public void commit() throws IOException {
        writer.close();
        DurableFiles.replace(part, target);
        committed = true;
    }

    /**
     * Without a commit first, the part file is removed: nothing is left under either name, even when closing fails (a
     * file channel closes itself under a thread that was interrupted, Ctrl-C's way of stopping a command).
     */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } catch (ClosedByInterruptException e) {
                // the rows were to be thrown away
            } finally {
                Files.deleteIfExists(part);
            }
        }
    }

    @Override
    public boolean isStream() {
        return false;
    }
}
