package io.orgshell.run;

import io.orgshell.core.OwnerOnlyFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OS lock on a file, which the OS releases when the process ends however it ends, and in the file a record of
 * who holds it, for the message that refuses the next taker. The OS lock belongs to the whole JVM (a second take
 * in the same JVM throws {@link OverlappingFileLockException}), so the locks this JVM holds are also kept in a
 * register, and a take that finds its file there is refused the same way as one held by another process.
 * <p>
 * The file is used through {@link RandomAccessFile}, not a {@code FileChannel} operation that an interrupt
 * (Ctrl-C) would close: a lock must not be dropped, nor its record left behind, because the holder was interrupted.
 */
final class LockFile implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The files whose lock this JVM holds. Guarded by {@code LockFile.class}. */
    private static final Set<Path> HELD = new HashSet<>();

    private static final String HOST = hostName();

    /** Who holds a lock: the run (null until it has an ID), what it does, and the process. */
    record Holder(String run, String command, String operation, String host, long pid, String since) {

        static Holder me(String run, String command, String operation) {
            return new Holder(
                    run,
                    command,
                    operation,
                    HOST,
                    ProcessHandle.current().pid(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }

        Holder forRun(String id) {
            return new Holder(id, command, operation, host, pid, since);
        }

        /** "run 20261204-215003-suspend-3fa2 (resume of suspend), PID 4242 on build-7". */
        String describe() {
            String what = operation == null
                    ? command
                    : command == null || command.equals("run") ? operation : command + " of " + operation;
            String run = this.run == null ? "orgshell" : "run " + this.run;
            return run + (what == null ? "" : " (" + what + ")") + ", PID " + pid + " on " + host;
        }

        /** {@link #describe()} and since when. */
        String describeSince() {
            return describe() + (since == null ? "" : " since " + since);
        }
    }

    private final Path key;
    private final RandomAccessFile file;
    private final FileLock lock;
    private final Holder previous;

    private LockFile(Path key, RandomAccessFile file, FileLock lock, Holder previous) {
        this.key = key;
        this.file = file;
        this.lock = lock;
        this.previous = previous;
    }

    /** The lock of {@code path} with {@code me} recorded as its holder, or empty when a live process holds it. */
    static synchronized Optional<LockFile> tryTake(Path path, Holder me) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        if (HELD.contains(key)) {
            return Optional.empty();
        }
        OwnerOnlyFiles.ensureFile(path);
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        FileLock lock;
        try {
            lock = file.getChannel().tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        if (lock == null) {
            file.close();
            return Optional.empty();
        }
        LockFile taken = new LockFile(key, file, lock, parse(read(file)).orElse(null));
        HELD.add(key);
        taken.record(me);
        return Optional.of(taken);
    }

    /** Who holds the lock of {@code path}, as far as its record says; empty when none is written. */
    static Optional<Holder> holder(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The holder recorded by a process that ended without releasing the lock (killed, crashed): it is gone, since
     * the OS lock was free.
     */
    Optional<Holder> previous() {
        return Optional.ofNullable(previous);
    }

    /** Records {@code holder} as the one who holds the lock now (a run that got its ID after taking it). */
    void record(Holder holder) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(holder);
            file.setLength(0);
            file.seek(0);
            file.write(bytes);
        } catch (IOException e) {
            // the record only names the holder in a message; the OS lock is what excludes
        }
    }

    /** Clears the record, then releases the lock: a record left behind means its holder died. */
    @Override
    public void close() {
        synchronized (LockFile.class) {
            try {
                file.setLength(0);
            } catch (IOException e) {
                // the next taker then reports a take-over it need not have
            }
            try {
                lock.release();
            } catch (IOException e) {
                // closing the file releases it too
            }
            try {
                file.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
            HELD.remove(key);
        }
    }

    private static String read(RandomAccessFile file) throws IOException {
        long length = file.length();
        if (length == 0 || length > 4096) {
            return "";
        }
        byte[] bytes = new byte[(int) length];
        file.seek(0);
        file.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Optional<Holder> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Holder h = JSON.readValue(text, Holder.class);
            return h == null || h.host() == null ? Optional.empty() : Optional.of(h);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The kernel's host name where there is one to read: {@code getLocalHost} can wait seconds for DNS. */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }
}
