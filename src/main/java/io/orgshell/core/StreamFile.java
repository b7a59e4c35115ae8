package io.orgshell.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stream written in place: standard output, or a FIFO or device named by path. There is no {@code .part} to
 * rename (renaming over {@code /dev/stdout} would replace the system's link, not write to it).
 */
final class StreamFile implements OutputFile {

    private final Writer writer;
    private final boolean owned;

    private StreamFile(Writer writer, boolean owned) {
        this.writer = writer;
        this.owned = owned;
    }

    /** Standard output: flushed, never closed (the command goes on printing to it). */
    static StreamFile of(Writer standardOutput) {
        return new StreamFile(standardOutput, false);
    }

    /**
     * Opens a FIFO or device; a FIFO's open waits for its reader, as {@code cat > fifo} does. Appending: a
     * {@code /dev/stdout} that is a file the shell redirected to keeps what was printed before.
     */
    static StreamFile open(Path path) throws IOException {
        return new StreamFile(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND), StandardCharsets.UTF_8)), true);
    }

    @Override
    public Writer writer() {
        return writer;
    }

    @Override
    public void commit() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            writer.close();
        } else {
            writer.flush();
        }
    }

    @Override
    public boolean isStream() {
        return true;
    }
}
