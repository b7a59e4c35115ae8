package io.orgshell.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.UserFacingException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's owner-only directory: {@code run.json}, the previewed plan ({@code plan.csv}, {@code steps.csv}), the
 * journal, {@code results.csv} and {@code undo.csv}. A live process holds an OS lock on {@code lock}, released even
 * when the process is killed, so a second process can never work on the same run.
 */
public record RunDirectory(String id, Path path) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Path meta() {
        return path.resolve("run.json");
    }

    public Path planFile() {
        return path.resolve("plan.csv");
    }

    public Path stepsFile() {
        return path.resolve("steps.csv");
    }

    public Path journal() {
        return path.resolve("journal.jsonl");
    }

    public Path results() {
        return path.resolve("results.csv");
    }

    public Path undo() {
        return path.resolve("undo.csv");
    }

    public RunMeta readMeta() {
        try {
            return JSON.readValue(Files.readString(meta()), RunMeta.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta(), e);
        }
    }

    public void writeMeta(RunMeta m) {
        try {
            Path tmp = path.resolve("run.json.tmp");
            Files.deleteIfExists(tmp);
            OwnerOnlyFiles.ensureFile(tmp);
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
            Files.move(tmp, meta(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + meta(), e);
        }
    }

    /** Takes the run's lock, or explains that another live process has it. */
    public Lock lock() {
        try {
            Path file = OwnerOnlyFiles.ensureFile(path.resolve("lock"));
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new UserFacingException("run " + id + " is in use by another orgshell process; wait for it "
                        + "to finish or stop it first");
            }
            return new Lock(ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run " + id, e);
        }
    }

    public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
