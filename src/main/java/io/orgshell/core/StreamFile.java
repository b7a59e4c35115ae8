package io.orgshell.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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
     * <p>
     * The open of a FIFO blocks in the system, where no interrupt reaches it, so it is made on a thread of its own
     * while this one waits interruptibly: Ctrl-C ends the wait, and the open still pending is released by opening the
     * FIFO for reading ourselves.
     */
    static StreamFile open(Path path) throws IOException {
        CompletableFuture<OutputStream> opening = new CompletableFuture<>();
        daemon("open " + path.getFileName(), () -> {
            try {
                opening.complete(Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        });
        OutputStream out;
        try {
            out = opening.get();
        } catch (InterruptedException e) {
            release(path, opening);
            throw new UserFacingException(
                    "interrupted while " + path + " waited for a reader; nothing was written", ExitCodes.INTERRUPTED);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return new StreamFile(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), true);
    }

    /** A reader of our own lets the pending open return, and both ends are closed: no thread is left waiting. */
    private static void release(Path path, CompletableFuture<OutputStream> opening) {
        daemon("release " + path.getFileName(), () -> {
            if (opening.isDone()) {
                opening.thenAccept(StreamFile::closeQuietly);
                return;
            }
            try (InputStream reader = Files.newInputStream(path)) {
                closeQuietly(opening.join());
            } catch (IOException | RuntimeException ignored) {
                // the open failed on its own: nothing is left open
            }
        });
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing was written to it
        }
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
