package io.orgshell.run;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.session.Connection;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Removes run directories. A run a live process works on is never removed; an unfinished run of an org still
 * reachable (any org but a sandbox start that is gone) is kept unless forced, since removing it loses the only record
 * of what it sent and what it has left to send.
 */
@Service
public class RunPruner {

    private final RunStore store;

    public RunPruner(RunStore store) {
        this.store = store;
    }

    /**
     * Which runs: {@code ids} (empty: every run), narrowed to those last changed before {@code changedBefore} (null:
     * any), to finished ones ({@code finishedOnly}), and to those whose sandbox start is gone ({@code goneOnly}).
     */
    public record Choice(
            List<String> ids, Instant changedBefore, boolean finishedOnly, boolean goneOnly, boolean force) {

        boolean narrows() {
            return !ids.isEmpty() || changedBefore != null || finishedOnly || goneOnly;
        }
    }

    /** {@code what}: the run as a line names it; {@code why}: why it was kept. */
    public record Pruned(String id, String what, String why) {}

    public record Result(List<Pruned> removed, List<Pruned> kept) {}

    public Result prune(Choice choice, Connection connected) {
        if (!choice.narrows()) {
            throw new UserFacingException(
                    "runs prune: say which runs (run IDs, --older-than 30d, --finished or --gone); nothing was removed",
                    ExitCodes.USAGE);
        }
        Map<String, RunStore.Entry> entries = new LinkedHashMap<>();
        store.entries().forEach(e -> entries.put(e.id(), e));
        List<RunStore.Entry> candidates = new ArrayList<>();
        if (choice.ids().isEmpty()) {
            candidates.addAll(entries.values());
        } else {
            List<String> unknown =
                    choice.ids().stream().filter(id -> !entries.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                throw new UserFacingException(
                        "no run " + String.join(", ", unknown) + " (see 'runs list'); nothing was removed",
                        ExitCodes.USAGE);
            }
            choice.ids().stream().distinct().forEach(id -> candidates.add(entries.get(id)));
        }
        List<Pruned> removed = new ArrayList<>();
        List<Pruned> kept = new ArrayList<>();
        for (RunStore.Entry e : candidates) {
            RunDirectory dir = new RunDirectory(e.id(), store.root().resolve(e.id()));
            RunMeta m = e.meta();
            RunStanding standing = m == null ? RunStanding.damaged() : RunStanding.of(dir, m, connected);
            if (!chosen(choice, e, standing)) {
                continue;
            }
            String what = m == null
                    ? "damaged: " + e.damage()
                    : m.operation() + ", " + m.state().label() + ", " + m.rows() + " rows, " + m.org();
            if (m != null && m.unfinished() && !standing.sandboxGone() && !choice.force()) {
                kept.add(new Pruned(
                        e.id(),
                        what,
                        "unfinished, and its org can still be reached: resume or undo it, or say --force"));
                continue;
            }
            Optional<String> busy = remove(dir);
            if (busy.isPresent()) {
                kept.add(new Pruned(e.id(), what, busy.get()));
            } else {
                removed.add(new Pruned(e.id(), what, null));
            }
        }
        return new Result(removed, kept);
    }

    private static boolean chosen(Choice choice, RunStore.Entry e, RunStanding standing) {
        RunMeta m = e.meta();
        if (choice.finishedOnly() && (m == null || m.unfinished())) {
            return false;
        }
        if (choice.goneOnly() && !standing.sandboxGone()) {
            return false;
        }
        return choice.changedBefore() == null || lastChanged(e).isBefore(choice.changedBefore());
    }

    private static Instant lastChanged(RunStore.Entry e) {
        RunMeta m = e.meta();
        if (m == null) {
            return RunStore.startOf(e.id());
        }
        try {
            return Instant.parse(m.updated() != null ? m.updated() : m.created());
        } catch (RuntimeException ex) {
            return Instant.parse(m.created());
        }
    }

    /**
     * Takes the run's lock, moves the directory out of the runs' sight in one step (a name starting with a dot is
     * not a run), then deletes it: a process that comes for the run meanwhile finds it gone, never half removed.
     * Empty when done; otherwise why not.
     */
    private Optional<String> remove(RunDirectory dir) {
        Path aside = store.root().resolve(".removing-" + dir.id());
        Optional<RunDirectory.Lock> lock = dir.tryLock("prune");
        if (lock.isEmpty()) {
            return Optional.of("in use by another orgshell process"
                    + dir.holder()
                            .map(h -> " (PID " + h.pid() + " on " + h.host() + ")")
                            .orElse(""));
        }
        try (RunDirectory.Lock held = lock.get()) {
            Files.move(dir.path(), aside);
        } catch (IOException e) {
            return Optional.of("cannot be moved aside to be removed: " + e.getMessage());
        }
        try {
            deleteTree(aside);
        } catch (IOException e) {
            throw new UserFacingException("run " + dir.id() + " is no longer listed, but " + aside
                    + " could not be deleted entirely (" + e.getMessage() + "): delete it by hand");
        }
        return Optional.empty();
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
