package io.orgshell.run;

import io.orgshell.core.UserFacingException;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Preview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The journal is the source of truth; {@code run.json}, {@code results.csv} and {@code undo.csv} are derived from
 * it, and an unattended run rewrites them only every few batches. A process killed in between leaves them behind
 * the journal. Before they are shown or loaded they are rebuilt from the journal, the way {@code resume} replays
 * it, under the run's lock. {@code run.json} records how many journal bytes they reflect, so an up-to-date run
 * costs one file size.
 */
final class RunRefresh {

    private RunRefresh() {}

    static Optional<String> bringUpToDate(RunDirectory dir, boolean strict) {
        try {
            boolean behind = isBehind(dir);
            if (!behind && dir.readMeta().state() != RunState.RUNNING) {
                return Optional.empty();
            }
            Optional<RunDirectory.Lock> lock = dir.tryLock("refresh");
            if (lock.isEmpty()) {
                // a live process works on it: its files are its own to write
                if (behind && strict) {
                    throw new UserFacingException("run " + dir.id() + " is in use by another orgshell process and "
                            + "its files are behind its journal; try again once it has stopped");
                }
                return behind
                        ? Optional.of("run " + dir.id() + " is in use by another orgshell process: shown as "
                                + "of its last report")
                        : Optional.empty();
            }
            try (RunDirectory.Lock held = lock.get()) {
                return bringUpToDate(dir, held);
            }
        } catch (IOException e) {
            throw new RunDirectory.Damaged(dir.id(), "its journal cannot be replayed: " + e.getMessage());
        }
    }

    /**
     * The same, for a caller that holds the run's lock. A run still marked running has no process left (its lock
     * was free): it stopped without saying so (killed, a power loss) and is marked interrupted, to be resumed.
     */
    static Optional<String> bringUpToDate(RunDirectory dir, RunDirectory.Lock held) {
        try {
            Optional<String> note = refresh(dir);
            RunMeta meta = dir.readMeta();
            if (meta.state() == RunState.RUNNING) {
                long size = Files.exists(dir.journal()) ? Files.size(dir.journal()) : 0;
                dir.writeMeta(meta.with(RunState.INTERRUPTED, meta.counts(), meta.updated())
                        .reflecting(size));
            }
            return note;
        } catch (IOException | IllegalArgumentException e) {
            throw new RunDirectory.Damaged(dir.id(), "its journal cannot be replayed: " + e.getMessage());
        }
    }

    private static Optional<String> refresh(RunDirectory dir) throws IOException {
        Path journal = dir.journal();
        if (!isBehind(dir)) {
            return Optional.empty();
        }
        // another process may have resumed or refreshed it since the look above
        RunMeta meta = dir.readMeta();
        long size = Files.size(journal);
        long from = from(meta, size, journal);
        RunJournal.Tail tail = from < 0 ? null : RunJournal.tail(journal, from, size);
        if (tail == null || !tail.changesFiles()) {
            return Optional.empty();
        }
        Preview preview = PlanArchive.read(dir, meta);
        RunJournal.Replay replay = RunJournal.replay(journal);
        Map<Integer, StepResult> results = new HashMap<>(replay.results());
        RunService.markWaiting(preview.steps(), results);
        RunTally tally = new RunTally(preview, results);
        RunReport.write(dir, preview, tally.outcomes());
        if (!replay.uncertain().isEmpty()) {
            // sent, then the process died before the answer or its read-back: the write may have landed.
            // undo.csv takes such rows too; the undo's own preview finds those that did not change.
            Map<Integer, StepResult> mayHaveLanded = new HashMap<>(results);
            replay.uncertain()
                    .forEach(step -> mayHaveLanded.putIfAbsent(
                            step,
                            new StepResult(
                                    step, Outcome.APPLIED, 0, null, "sent before the run stopped; not confirmed")));
            RunReport.writeUndo(dir, preview, new RunTally(preview, mayHaveLanded).outcomes());
        }
        RunState state = tail.state() != null ? tail.state() : meta.state();
        dir.writeMeta(meta.with(state, tally.counts(), tail.lastAt() != null ? tail.lastAt() : meta.updated())
                .reflecting(size));
        boolean undo = OperationHandlers.of(preview.plan().operation()).inverse() != null;
        return Optional.of("run " + dir.id() + ": brought run.json, results.csv"
                + (undo ? " and undo.csv" : "") + " up to date from the journal (" + tail.results()
                + " step results recorded after they were last written"
                + (replay.uncertain().isEmpty()
                        ? ""
                        : ", " + replay.uncertain().size() + " writes sent but not confirmed")
                + ")");
    }

    /** Whether the journal holds results, retries or a state that the files do not show yet. */
    private static boolean isBehind(RunDirectory dir) throws IOException {
        RunMeta meta = dir.readMeta();
        if (!Files.exists(dir.journal())) {
            return false;
        }
        long size = Files.size(dir.journal());
        long from = from(meta, size, dir.journal());
        return from >= 0 && RunJournal.tail(dir.journal(), from, size).changesFiles();
    }

    /**
     * Where in the journal the files stop reflecting it; -1 when they reflect all of it. An offset that is not at
     * the start of a line (measured while a dying batch still wrote) is not trusted: the whole journal is read.
     */
    private static long from(RunMeta meta, long size, Path journal) throws IOException {
        Long known = meta.journalBytes();
        if (known == null) {
            // written before the offset was recorded: a process that ended wrote its files last
            return meta.state() == RunState.RUNNING ? 0 : -1;
        }
        if (known == size) {
            return -1;
        }
        return known > 0 && known < size && RunJournal.lineStartsAt(journal, known) ? known : 0;
    }
}
