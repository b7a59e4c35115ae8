package io.orgshell.run;

import io.orgshell.core.DurableFiles;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.core.JacksonException;
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

    /** The run's {@code run.json}; a run whose {@code run.json} cannot be read is {@link Damaged}. */
    public RunMeta readMeta() {
        String text;
        try {
            text = Files.readString(meta());
        } catch (NoSuchFileException e) {
            throw new Damaged(id, "it has no run.json");
        } catch (MalformedInputException e) {
            throw new Damaged(id, "run.json is not UTF-8 text");
        } catch (IOException e) {
            throw new Damaged(id, "run.json cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text.isBlank()) {
            throw new Damaged(id, "run.json is empty");
        }
        RunMeta m;
        try {
            m = JSON.readValue(text, RunMeta.class);
        } catch (JacksonException e) {
            throw new Damaged(id, "run.json is not a run record (" + shorten(e.getOriginalMessage()) + ")");
        }
        String missing = m == null
                ? "everything"
                : m.id() == null
                        ? "id"
                        : m.operation() == null
                                ? "operation"
                                : m.orgId() == null
                                        ? "orgId"
                                        : m.state() == null ? "state" : m.created() == null ? "created" : null;
        if (missing != null) {
            throw new Damaged(id, "run.json lacks " + missing);
        }
        try {
            Instant.parse(m.created());
        } catch (DateTimeParseException e) {
            throw new Damaged(id, "run.json has no valid creation time");
        }
        return m;
    }

    public void writeMeta(RunMeta m) {
        try {
            Path tmp = path.resolve("run.json.tmp");
            Files.deleteIfExists(tmp);
            OwnerOnlyFiles.ensureFile(tmp);
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
            DurableFiles.replace(tmp, meta());
        } catch (IOException e) {
            throw new RunFileFailure(meta().toString(), e);
        }
    }

    /** A run directory whose {@code run.json} is missing or unreadable: listed as damaged, never worked on. */
    public static final class Damaged extends UserFacingException {

        private final String reason;

        Damaged(String id, String reason) {
            super("run " + id + " is damaged: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static String shorten(String s) {
        String line =
                Sanitizer.forTerminal(s == null ? "" : s.lines().findFirst().orElse(""));
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /** Takes the run's lock, or explains that another live process has it. */
    public Lock lock() {
        return lock("use");
    }

    /** Takes the run's lock for {@code command} (run, resume...), or explains which live process has it. */
    public Lock lock(String command) {
        return tryLock(command)
                .orElseThrow(() -> new UserFacingException("run " + id + " is in use by another "
                        + "orgshell process"
                        + holder().map(h -> " (PID " + h.pid() + " on " + h.host() + " since " + h.since() + ")")
                                .orElse("")
                        + "; wait for it to finish or stop it first"));
    }

    /** The run's lock, or empty while a live process (this one included) works on the run. */
    public Optional<Lock> tryLock(String command) {
        try {
            return LockFile.tryTake(path.resolve("lock"), LockFile.Holder.me(id, command, null))
                    .map(Lock::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock run " + id, e);
        }
    }

    /** Who works on the run, as its lock's record says; empty when nobody does or the record is not written yet. */
    Optional<LockFile.Holder> holder() {
        return LockFile.holder(path.resolve("lock"));
    }

    /** Held while a process works on the run; released when it closes, or by the OS when the process dies. */
    public static final class Lock implements AutoCloseable {

        private final LockFile file;

        private Lock(LockFile file) {
            this.file = file;
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
