package io.orgshell.run;

import io.orgshell.api.OrgAccount;
import io.orgshell.config.OrgShellProperties;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Preview;
import io.orgshell.plan.Step;
import io.orgshell.session.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Runs a previewed plan, or resumes a stopped run, in batches: each batch is written, journaled and reported; then
 * an attended run asks how to go on. The org's writer lock ({@link WriterLock}) and the run directory's lock are
 * held for the whole time, so two processes never write to one org at once, nor work on one run. The batches run
 * on a thread Ctrl-C does not interrupt ({@link StopOnInterrupt}): Ctrl-C stops the run cleanly, for resume.
 */
@Service
public class RunService {

    /** Unattended, a batch only sets how often accounts are re-read: larger ones keep the pipe full. */
    static final int UNATTENDED_BATCH = 200;

    private final RunStore store;
    private final double maxFraction;
    private final Duration confirmWait;
    private final PolicyTasks.Polling polling;

    public RunService(RunStore store, OrgShellProperties properties) {
        this.store = store;
        this.maxFraction = properties.safety().maxFraction();
        this.confirmWait = properties.confirm().maxWait();
        OrgShellProperties.PolicyTasks tasks = properties.policyTasks();
        this.polling = new PolicyTasks.Polling(
                Math.max(1, tasks.batchSize()), tasks.firstPoll(), tasks.maxPoll(), tasks.maxWait());
    }

    public RunSummary start(
            Preview preview, Connection connection, RunOptions options, BatchControl control, RunListener progress) {
        if (!preview.orgId().equals(connection.orgId())) {
            throw new UserFacingException(
                    "the preview was made against another organization (" + preview.orgId() + "); run 'preview' again",
                    ExitCodes.USAGE);
        }
        String operation = preview.plan().operation().cliName();
        LockFile.Holder me = LockFile.Holder.me(null, "run", operation);
        try (LockFile writer = writerLock(connection, me, options, control)) {
            UnfinishedRuns.holding(store, connection, preview).forEach(control::note);
            checkSafeguards(preview, preview.steps().size(), connection, options, control);
            RunDirectory dir = store.create(operation);
            writer.record(me.forRun(dir.id()));
            try (RunDirectory.Lock lock = dir.lock("run")) {
                return StopOnInterrupt.call(
                        "orgshell-run-" + dir.id(),
                        stop -> startIn(dir, preview, connection, options, control, progress, stop));
            } catch (IOException e) {
                throw cannotWrite(dir, e);
            }
        }
    }

    private RunSummary startIn(
            RunDirectory dir,
            Preview preview,
            Connection connection,
            RunOptions options,
            BatchControl control,
            RunListener progress,
            CompletableFuture<Void> stop)
            throws IOException {
        RunMeta meta;
        RunJournal journal;
        try {
            PlanArchive.write(dir, preview);
            String now = Instant.now().toString();
            meta = new RunMeta(
                    dir.id(),
                    preview.plan().operation().cliName(),
                    connection.orgId(),
                    connection.orgName(),
                    preview.plan().source().toAbsolutePath().toString(),
                    now,
                    preview.checks().size(),
                    preview.steps().size(),
                    RunState.RUNNING,
                    new RunTally(preview, Map.of()).counts(),
                    now,
                    new RunMeta.Limits(preview.orgAccounts(), preview.adminRows(), preview.adminAccounts()),
                    0L,
                    connection.sandboxInstance(),
                    options.batchSize());
            dir.writeMeta(meta);
            journal = RunJournal.open(dir.journal());
            journal.append(
                    "start",
                    Map.of(
                            "run",
                            dir.id(),
                            "operation",
                            meta.operation(),
                            "org",
                            meta.orgId(),
                            "rows",
                            meta.rows(),
                            "steps",
                            meta.steps()));
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(
                    "cannot write run " + dir.id() + " in " + dir.path() + " (" + reason(e) + "); nothing was sent");
        }
        try (journal) {
            return new RunLoop(
                            dir,
                            meta,
                            preview,
                            journal,
                            RunLoop.Earlier.NOTHING,
                            connection,
                            options,
                            control,
                            progress,
                            confirmWait,
                            polling)
                    .run(stop);
        }
    }

    /** The org's writer lock; its notes (a lock taken over, a wait) are the operator's to hear first. */
    private LockFile writerLock(Connection connection, LockFile.Holder me, RunOptions options, BatchControl control) {
        String org = connection.orgName() == null ? connection.orgId() : connection.orgName();
        return WriterLock.take(store.locks(), connection.orgId(), org, me, options.waitForWriter(), control::note);
    }

    private void checkSafeguards(
            Preview preview, long writes, Connection connection, RunOptions options, BatchControl control) {
        SafetyLimit.check(preview, connection.orgName(), options.overrideLimit(), maxFraction);
        if ((preview.plan().operation().destructive() || SafetyLimit.changesAdministration(preview)) && writes > 0) {
            control.confirmDestructive(preview.plan().operation().cliName(), writes, connection.orgName());
        }
    }

    /** What {@code run} would refuse without {@code --override-limit}, for preview to warn of before any effort. */
    public Optional<String> limitBreach(Preview preview, String orgName) {
        return SafetyLimit.breach(preview, orgName, maxFraction);
    }

    /** A run's undo plan: the file to load and the operation that reads it. */
    public record UndoPlan(Path file, Operation operation) {}

    /**
     * The plan that puts back what a run changed, or empty when it changed no account; {@code notes} hears what was
     * brought up to date from the journal first. Refused for an operation without an inverse, for a run that has not
     * written its plan yet, and for a run of another org than the connected one.
     */
    public Optional<UndoPlan> undoPlan(RunDirectory dir, Connection connection, Consumer<String> notes) {
        return undoPlan(dir, connection, null, notes);
    }

    /**
     * As {@link #undoPlan(RunDirectory, Connection, Consumer)}, of the rows {@code choice} names (null: every row);
     * rows an earlier undo of the run put back are left out either way, and {@code notes} hears of them.
     */
    public Optional<UndoPlan> undoPlan(
            RunDirectory dir, Connection connection, UndoChoice choice, Consumer<String> notes) {
        OrgBinding.require(dir.readMeta(), connection, "undo", "undone");
        // a run whose process is alive may write on after its undo plan is made (a run paused at its question)
        try (RunDirectory.Lock lock = dir.tryLock("undo")
                .orElseThrow(() -> new UserFacingException("run " + dir.id()
                        + " is still live in another orgshell process"
                        + dir.holder()
                                .map(h -> " (PID " + h.pid() + " on " + h.host() + " since " + h.since() + ")")
                                .orElse("")
                        + "; undo it once that process has ended"))) {
            // a killed run's undo.csv may lack rows its journal holds
            RunRefresh.bringUpToDate(dir, lock).ifPresent(notes);
            return undoPlanOf(dir, choice, idsOfEmails(choice, connection), notes);
        }
    }

    /** The accounts that have the addresses a choice names now, by address, lower-cased: one search. */
    private static Map<String, String> idsOfEmails(UndoChoice choice, Connection connection) {
        if (choice == null || choice.accounts() == null) {
            return Map.of();
        }
        List<String> emails =
                choice.accounts().stream().filter(a -> a.contains("@")).toList();
        Map<String, String> ids = new HashMap<>();
        if (!emails.isEmpty()) {
            for (OrgAccount u : connection.directory().accountsByEmail(emails)) {
                if (u.email() != null && u.accountId() != null) {
                    ids.put(u.email().toLowerCase(Locale.ROOT), u.accountId().toLowerCase(Locale.ROOT));
                }
            }
        }
        return ids;
    }

    private Optional<UndoPlan> undoPlanOf(
            RunDirectory dir, UndoChoice choice, Map<String, String> idOfEmail, Consumer<String> notes) {
        RunMeta m = dir.readMeta();
        Operation done = Operation.named(m.operation())
                .orElseThrow(() -> new RunDirectory.Damaged(
                        m.id(), "run.json names an operation this version does not know: " + m.operation()));
        OperationHandler handler = OperationHandlers.of(done);
        Operation inverse = handler.inverse();
        if (inverse == null) {
            String why = handler.whyNoUndo();
            String lost = cannotGiveBack(handler, dir, m);
            throw new UserFacingException(m.operation() + " cannot be undone (run " + m.id() + ")"
                    + (why == null ? "" : ": " + why)
                    + (lost == null ? "" : (why == null ? ": " : "; ") + lost)
                    + "; nothing to send");
        }
        if (!Files.exists(dir.undo())) {
            throw new UserFacingException("run " + m.id() + " has no undo plan yet");
        }
        try {
            if (!RunReport.undoHasRows(dir)) {
                return Optional.empty();
            }
            Path file = PartialUndo.plan(store, dir, m, choice, idOfEmail, notes);
            String lost = file == null ? null : cannotGiveBack(handler, dir, m);
            if (lost != null) {
                notes.accept("not given back: " + lost);
            }
            return file == null ? Optional.empty() : Optional.of(new UndoPlan(file, inverse));
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + dir.undo() + ": " + e.getMessage());
        }
    }

    /** What the run's steps that changed the org took for good, as its journal records them; null for nothing. */
    private static String cannotGiveBack(OperationHandler handler, RunDirectory dir, RunMeta meta) {
        try {
            Map<Integer, StepResult> results = RunJournal.replay(dir.journal()).results();
            Set<Integer> landed = results.values().stream()
                    .filter(r -> r.outcome().succeeded() && r.outcome() != Outcome.ALREADY_DONE)
                    .map(StepResult::step)
                    .collect(Collectors.toSet());
            return handler.cannotGiveBack(PlanArchive.read(dir, meta), landed);
        } catch (IOException e) {
            throw new RunDirectory.Damaged(meta.id(), "its journal cannot be replayed: " + e.getMessage());
        }
    }

    /**
     * Resumes the run {@code id}, or the latest unfinished run of the connected org. A bare resume that will not ask
     * (a script, {@code --yes}) needs that run to be the only unfinished one: it would write without naming it to
     * anyone first.
     */
    public RunSummary resume(
            String id, Connection connection, RunOptions options, BatchControl control, RunListener progress) {
        RunDirectory dir = id != null ? store.open(id) : latestUnfinished(connection, options);
        LockFile.Holder me =
                LockFile.Holder.me(dir.id(), "resume", dir.readMeta().operation());
        try (LockFile writer = writerLock(connection, me, options, control);
                RunDirectory.Lock lock = dir.lock("resume")) {
            RunMeta meta = dir.readMeta();
            if (!meta.unfinished()) {
                throw new UserFacingException("run " + meta.id() + " is finished; nothing to resume", ExitCodes.USAGE);
            }
            OrgBinding.require(meta, connection, "resume", "resumed");
            RunJournal.Replay replay = RunJournal.replay(dir.journal());
            Preview preview = PlanArchive.read(dir, meta);
            Map<Integer, StepResult> results = new HashMap<>(replay.results());
            RunOptions resumed = options.resuming(meta.batchSize());
            control.resuming(
                    meta,
                    fileName(preview.plan().source()),
                    new RunTally(preview, results).counts().pending(),
                    resumed.batchSize());
            // a resumed run is held to everything run holds it to: the limit, and a confirmation of what is left
            checkSafeguards(preview, preview.steps().size() - results.size(), connection, resumed, control);
            markWaiting(preview.steps(), results);
            RunLoop.Earlier earlier =
                    new RunLoop.Earlier(results, replay.uncertain(), replay.answered(), replay.tornTail());
            return StopOnInterrupt.call("orgshell-resume-" + dir.id(), stop -> {
                RunJournal journal;
                try {
                    journal = RunJournal.open(dir.journal());
                    journal.append(
                            "resume",
                            Map.of(
                                    "done",
                                    results.size(),
                                    "uncertain",
                                    Set.copyOf(replay.uncertain()).size(),
                                    "batchSize",
                                    resumed.batchSize()));
                } catch (IOException | UncheckedIOException e) {
                    throw new UserFacingException(
                            "cannot write the journal of run " + dir.id() + " (" + reason(e) + "); nothing was sent");
                }
                try (journal) {
                    return new RunLoop(
                                    dir,
                                    meta.withBatchSize(resumed.batchSize()),
                                    preview,
                                    journal,
                                    earlier,
                                    connection,
                                    resumed,
                                    control,
                                    progress,
                                    confirmWait,
                                    polling)
                            .run(stop);
                }
            });
        } catch (IOException e) {
            throw new UserFacingException("cannot resume run " + dir.id() + ": " + reason(e));
        }
    }

    private RunDirectory latestUnfinished(Connection connection, RunOptions options) {
        List<RunMeta> unfinished = store.unfinished(connection);
        if (unfinished.isEmpty()) {
            int elsewhere = store.unfinished(null).size();
            throw new UserFacingException(
                    "no unfinished run for this organization"
                            + (elsewhere == 0
                                    ? ""
                                    : " (" + elsewhere
                                            + " unfinished for other organizations or sandbox starts: see 'runs list')"),
                    ExitCodes.USAGE);
        }
        if (unfinished.size() > 1 && options.unattended()) {
            List<String> ids = unfinished.stream().map(RunMeta::id).toList();
            throw new UserFacingException(
                    ids.size() + " unfinished runs for this organization ("
                            + String.join(", ", ids.subList(0, Math.min(5, ids.size())))
                            + (ids.size() > 5 ? ", ..." : "")
                            + "); say which one: resume RUN_ID",
                    ExitCodes.USAGE);
        }
        return store.open(unfinished.get(0).id());
    }

    /**
     * Journals written before skip reasons were recorded: a skipped step whose predecessor did not succeed was
     * skipped for that reason and nothing else (the executor checks it first).
     */
    static void markWaiting(List<Step> steps, Map<Integer, StepResult> results) {
        for (Step s : steps) {
            StepResult r = results.get(s.number());
            StepResult before = s.after() < 0 ? null : results.get(s.after());
            if (r != null
                    && r.outcome() == Outcome.SKIPPED
                    && r.skip() == null
                    && before != null
                    && !before.outcome().succeeded()) {
                results.put(
                        s.number(),
                        new StepResult(
                                r.step(), r.outcome(), r.status(), r.code(), r.reason(), SkipReason.WAITS_FOR_STEP));
            }
        }
    }

    /** A file of the run could not be written: one line naming the run, the cause and how to go on. */
    static UserFacingException cannotWrite(RunDirectory dir, Exception e) {
        String what = e instanceof RunFileFailure ? e.getMessage() : "cannot write its files (" + reason(e) + ")";
        return new UserFacingException("run " + dir.id() + " stopped: " + what + "; nothing more was sent. Once that "
                + "is fixed (a full disk?): resume " + dir.id());
    }

    /** What the OS said of the first I/O failure in {@code e}'s causes ("No space left on device"). */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return RunFileFailure.reason(io);
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String fileName(Path source) {
        return String.valueOf(source.getFileName() == null ? source : source.getFileName());
    }
}
