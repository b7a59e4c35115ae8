package io.orgshell.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of account data written whole or not at all: into {@code NAME.part}, owner-only from its creation (the folder
 * it is written into keeps its mode), then moved into place forced to disk ({@link DurableFiles}). An interrupted
 * writer never leaves a truncated file under the real name.
 */
public final class PartFile implements AutoCloseable {

    private final Path target;
    private final Path part;
    private final Writer writer;
    private boolean committed;

    private PartFile(Path target, Path part, Writer writer) {
        this.target = target;
        this.part = part;
        this.writer = writer;
    }

    /** Opens {@code target} for writing; fails at once (before any request) when the place is not writable. */
    public static PartFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
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
        Writer writer = new BufferedWriter(new OutputStreamWriter(OwnerOnlyFiles.createNew(part),
                StandardCharsets.UTF_8));
        return new PartFile(absolute, part, writer);
    }

    public Writer writer() {
        return writer;
    }

    /** Flushes and moves the complete file into place. */
    public void commit() throws IOException {
        writer.close();
        DurableFiles.replace(part, target);
        committed = true;
    }

    /** Without a commit first, the part file is removed: nothing is left under either name. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(part);
        }
    }
}
