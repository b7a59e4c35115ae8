package io.orgshell.run;

import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import io.orgshell.config.OrgShellProperties;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Preview;
import io.orgshell.plan.Step;
import io.orgshell.plan.WriteContext;
import io.orgshell.session.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Runs a previewed plan, or resumes a stopped run, in batches: each batch is written, journaled and reported; then
 * an attended run asks how to go on. The org's writer lock ({@link WriterLock}) and the run directory's lock are
 * held for the whole time, so two processes never write to one org at once, nor work on one run. The batches run
 * on a thread Ctrl-C does not interrupt ({@link StopOnInterrupt}): Ctrl-C stops the run cleanly, for resume.
 */
@Service
public class RunService {

    /** Unattended runs rewrite the report files this often (in batches); attended runs after every batch. */
    static final int REPORT_EVERY = 20;

    static final int UNATTENDED_BATCH = 200;
    static final Duration WRITE_RETRY_BACKOFF = Duration.ofMillis(500);

    private final RunStore store;
    private final double maxFraction;
    private final Duration confirmWait;

    public RunService(RunStore store, OrgShellProperties properties) {
        this.store = store;
        this.maxFraction = properties.safety().maxFraction();
        this.confirmWait = properties.confirm().maxWait();
    }

    public RunSummary start(
            Preview preview,
            Connection connection,
            RunOptions options,
            BatchControl control,
            Consumer<StepResult> progress) {
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
            Consumer<StepResult> progress,
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
            return execute(
                    dir,
                    meta,
                    preview,
                    journal,
                    new ConcurrentHashMap<>(),
                    ConcurrentHashMap.newKeySet(),
                    Map.of(),
                    connection,
                    options,
                    control,
                    progress,
                    false,
                    stop);
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
            return undoPlanOf(dir);
        }
    }

    private static Optional<UndoPlan> undoPlanOf(RunDirectory dir) {
        RunMeta m = dir.readMeta();
        Operation inverse =
                OperationHandlers.of(Operation.fromCli(m.operation())).inverse();
        if (inverse == null) {
            throw new UserFacingException(m.operation() + " cannot be undone (run " + m.id() + ")");
        }
        if (!Files.exists(dir.undo())) {
            throw new UserFacingException("run " + m.id() + " has no undo plan yet");
        }
        try {
            return RunReport.undoHasRows(dir) ? Optional.of(new UndoPlan(dir.undo(), inverse)) : Optional.empty();
        } catch (IOException e) {
            throw new UserFacingException("cannot read " + dir.undo() + ": " + e.getMessage());
        }
    }

    /**
     * Resumes the run {@code id}, or the latest unfinished run of the connected org. A bare resume that will not ask
     * (a script, {@code --yes}) needs that run to be the only unfinished one: it would write without naming it to
     * anyone first.
     */
    public RunSummary resume(
            String id, Connection connection, RunOptions options, BatchControl control, Consumer<StepResult> progress) {
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
            Map<Integer, StepResult> results = new ConcurrentHashMap<>(replay.results());
            RunOptions resumed = options.resuming(meta.batchSize());
            control.resuming(
                    meta,
                    fileName(preview.plan().source()),
                    new RunTally(preview, results).counts().pending(),
                    resumed.batchSize());
            // a resumed run is held to everything run holds it to: the limit, and a confirmation of what is left
            checkSafeguards(preview, preview.steps().size() - results.size(), connection, resumed, control);
            markWaiting(preview.steps(), results);
            Set<Integer> uncertain = ConcurrentHashMap.newKeySet();
            uncertain.addAll(replay.uncertain());
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
                                    uncertain.size(),
                                    "batchSize",
                                    resumed.batchSize()));
                } catch (IOException | UncheckedIOException e) {
                    throw new UserFacingException(
                            "cannot write the journal of run " + dir.id() + " (" + reason(e) + "); nothing was sent");
                }
                try (journal) {
                    return execute(
                            dir,
                            meta.withBatchSize(resumed.batchSize()),
                            preview,
                            journal,
                            results,
                            uncertain,
                            replay.answered(),
                            connection,
                            resumed,
                            control,
                            progress,
                            replay.tornTail(),
                            stop);
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
     * Sends the batches, on the thread {@link StopOnInterrupt} gives it: {@code stop} completes on Ctrl-C. A file
     * of the run that cannot be written ends it with one message naming the run and how to go on.
     */
    private RunSummary execute(
            RunDirectory dir,
            RunMeta meta,
            Preview preview,
            RunJournal journal,
            Map<Integer, StepResult> results,
            Set<Integer> uncertain,
            Map<Integer, Integer> answered,
            Connection connection,
            RunOptions options,
            BatchControl control,
            Consumer<StepResult> progress,
            boolean torn,
            CompletableFuture<Void> stop) {
        RunExecutor executor = new RunExecutor(
                connection.directory(),
                OperationHandlers.of(preview.plan().operation()),
                preview.plan().rows(),
                WriteContext.resolve(connection.client(), connection.directory()),
                new ProtectedAccounts(
                        preview.plan().operation(), connection.callerAccountId(), preview.adminAccounts() > 0),
                journal,
                options.concurrency(),
                WRITE_RETRY_BACKOFF,
                confirmWait,
                results,
                uncertain);
        stop.thenRun(executor::requestStop);
        executor.awaitAgain(preview.steps(), answered);
        try {
            return batches(
                    dir, meta, preview, journal, results, executor, connection, options, control, progress, torn);
        } catch (RuntimeException e) {
            RunFileFailure failure =
                    journal.failure() != null ? journal.failure() : e instanceof RunFileFailure f ? f : null;
            if (failure == null) {
                throw e;
            }
            // the journal or a report could not be written (a full disk): nothing more is sent
            try {
                report(dir, meta, preview, new RunTally(preview, results), RunState.INTERRUPTED);
            } catch (RunFileFailure again) {
                // listed as interrupted anyway once this process has let go of the run
            }
            throw cannotWrite(dir, failure);
        }
    }

    private RunSummary batches(
            RunDirectory dir,
            RunMeta meta,
            Preview preview,
            RunJournal journal,
            Map<Integer, StepResult> results,
            RunExecutor executor,
            Connection connection,
            RunOptions options,
            BatchControl control,
            Consumer<StepResult> progress,
            boolean torn) {
        meta = meta.with(RunState.RUNNING, meta.counts(), Instant.now().toString());
        dir.writeMeta(meta);
        List<Step> steps = preview.steps();
        boolean ask = !options.unattended();
        boolean quit = false;
        int batch = 0;
        List<Step> pending = executor.unsent(steps);
        RunTally tally = new RunTally(preview, results);
        Consumer<StepResult> onResult = r -> {
            tally.update(r.step());
            progress.accept(r);
        };
        control.starting(steps.size(), steps.size() - pending.size());
        // the failed steps sent again on "retry failed": a batch of their own, asked about before the next one
        List<Step> retrying = List.of();
        try {
            if (ask && !pending.isEmpty() && !executor.stopRequested()) {
                // nothing is written before the operator says so
                switch (control.beforeFirstBatch(describeNext(pending, options.batchSize(), preview))) {
                    case ALL_REMAINING -> ask = false;
                    case QUIT -> quit = true;
                    default -> {
                        // continue: the first batch
                    }
                }
            }
            while (!quit && !pending.isEmpty() && !executor.stopRequested()) {
                // unattended, a batch only sets how often accounts are re-read: larger ones keep the pipe full
                int size = ask ? options.batchSize() : Math.max(options.batchSize(), UNATTENDED_BATCH);
                boolean retry = !retrying.isEmpty();
                List<Step> next = retry ? retrying : pending.subList(0, Math.min(size, pending.size()));
                retrying = List.of();
                OutcomeCounts before = tally.counts();
                int pendingBefore = pending.size();
                executor.runBatch(next, onResult);
                batch++;
                pending = executor.unsent(steps);
                if (pending.size() == pendingBefore && !executor.stopRequested()) {
                    throw new IllegalStateException("a batch ended without a result for any of its steps");
                }
                // unattended, the next batch's re-read confirms this one's writes; a person deciding what comes next,
                // the last batch and a stop are told confirmed outcomes, so they are read back now
                if (ask || pending.isEmpty() || executor.stopRequested()) {
                    executor.confirm(onResult, !executor.stopRequested());
                }
                if (ask || batch % REPORT_EVERY == 0) {
                    meta = report(dir, meta, preview, tally, RunState.RUNNING);
                }
                if (executor.stopRequested() || !ask || pending.isEmpty() && !tally.anyFailed()) {
                    continue;
                }
                OutcomeCounts now = tally.counts();
                BatchControl.Decision d = control.afterBatch(new BatchControl.BatchReport(
                        batch,
                        retry,
                        (pending.size() + options.batchSize() - 1) / options.batchSize(),
                        now.since(before),
                        now,
                        describeNext(pending, options.batchSize(), preview),
                        tally.failures()));
                switch (d) {
                    case ALL_REMAINING -> ask = false;
                    case RETRY_FAILED -> {
                        retrying = resetFailures(steps, results, journal, tally);
                        pending = executor.unsent(steps);
                        control.starting(steps.size(), results.size()); // the retried steps are to do again
                    }
                    case QUIT -> quit = true;
                    case CONTINUE -> {
                        // go on with the next batch, or end when none is left
                    }
                }
            }
            // writes a stopped run left answered but unconfirmed, when nothing was left to send after them
            executor.confirm(onResult, !executor.stopRequested() && !quit);
        } catch (RuntimeException e) {
            if (journal.failure() != null) {
                throw e;
            }
            journal.append(
                    "state", Map.of("state", RunState.INTERRUPTED.label(), "error", String.valueOf(e.getMessage())));
            // a batch that died may have recorded results it never handed on: count from the results themselves
            report(dir, meta, preview, new RunTally(preview, results), RunState.INTERRUPTED);
            throw e;
        }
        // a write whose read-back could not be made has no result yet: the run is not finished
        pending = RunExecutor.pending(steps, results);
        if (executor.keyRefused().isPresent() && !pending.isEmpty() && !quit) {
            ApiException refusal = executor.keyRefused().get();
            journal.append("state", Map.of("state", RunState.INTERRUPTED.label(), "error", refusal.toString()));
            report(dir, meta, preview, tally, RunState.INTERRUPTED);
            throw new UserFacingException(
                    "the API key was refused (" + refusal.status() + " " + refusal.code()
                            + ") after the run started: run " + dir.id() + " stopped with " + pending.size() + " of "
                            + steps.size() + " writes left" + unconfirmed(executor)
                            + "; connect with a valid key and resume "
                            + "with: resume " + dir.id(),
                    ExitCodes.AUTH);
        }
        if (executor.stoppedBy().isPresent() && !pending.isEmpty() && !quit) {
            ApiConnectionException cause = executor.stoppedBy().get();
            journal.append("state", Map.of("state", RunState.INTERRUPTED.label(), "error", cause.getMessage()));
            report(dir, meta, preview, tally, RunState.INTERRUPTED);
            throw new ApiConnectionException(
                    cause.getMessage() + "; run " + dir.id() + " stopped and can be resumed with: resume " + dir.id()
                            + unconfirmed(executor),
                    cause.request(),
                    cause);
        }
        if (executor.readBackFailure().isPresent() && !pending.isEmpty() && !quit) {
            String why = executor.readBackFailure().get();
            journal.append("state", Map.of("state", RunState.INTERRUPTED.label(), "error", why));
            report(dir, meta, preview, tally, RunState.INTERRUPTED);
            throw new UserFacingException(
                    "the accounts could not be read back to confirm the writes (" + why
                            + "): run " + dir.id() + " stopped with " + pending.size() + " of " + steps.size()
                            + " writes left" + unconfirmed(executor) + "; resume with: resume " + dir.id(),
                    ExitCodes.FAILED);
        }
        if (executor.stopRequested()
                && !executor.stopAsked()
                && !pending.isEmpty()
                && !quit
                && unreachable(connection)) {
            journal.append(
                    "state", Map.of("state", RunState.INTERRUPTED.label(), "error", "the organization is unreachable"));
            report(dir, meta, preview, tally, RunState.INTERRUPTED);
            throw new ApiConnectionException(
                    "the organization stopped answering; run " + dir.id() + " stopped and can be resumed with: resume "
                            + dir.id() + unconfirmed(executor),
                    "run",
                    null);
        }
        RunState state = pending.isEmpty() ? RunState.FINISHED : quit ? RunState.PAUSED : RunState.INTERRUPTED;
        journal.append("state", Map.of("state", state.label()));
        meta = report(dir, meta, preview, tally, state);
        return new RunSummary(meta, dir, meta.counts(), tally.failures(), torn, executor.unconfirmed());
    }

    /** ", 3 rows applied, not yet confirmed" when a stop left writes answered but not read back, else nothing. */
    private static String unconfirmed(RunExecutor executor) {
        int n = executor.unconfirmed();
        return n == 0 ? "" : " (" + n + (n == 1 ? " row" : " rows") + " applied, not yet confirmed)";
    }

    /** After a stop that nobody asked for: is the org reachable at all? */
    private static boolean unreachable(Connection connection) {
        try {
            connection.client().org().block();
            return false;
        } catch (ApiConnectionException e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static RunMeta report(RunDirectory dir, RunMeta meta, Preview preview, RunTally tally, RunState state) {
        long journaled;
        try {
            // measured before the outcomes are taken: a result is in the results map before it is journaled, so
            // the files reflect at least this much of the journal (see RunRefresh)
            journaled = Files.size(dir.journal());
            RunReport.write(dir, preview, tally.outcomes());
        } catch (IOException e) {
            throw new RunFileFailure("the results of run " + dir.id(), e);
        }
        RunMeta next =
                meta.with(state, tally.counts(), Instant.now().toString()).reflecting(journaled);
        dir.writeMeta(next);
        return next;
    }

    /**
     * Failed steps, and the steps that were skipped only because they waited for one, get another chance: returned
     * in run order, to be sent as a batch of their own.
     */
    private static List<Step> resetFailures(
            List<Step> steps, Map<Integer, StepResult> results, RunJournal journal, RunTally tally) {
        List<Step> reset = new ArrayList<>();
        for (Step s : steps) {
            StepResult r = results.get(s.number());
            if (r != null && (r.outcome() == Outcome.FAILED || r.skip() == SkipReason.WAITS_FOR_STEP)) {
                results.remove(s.number());
                tally.update(s.number());
                reset.add(s);
            }
        }
        journal.append("retry", Map.of("steps", reset.size()));
        return reset;
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
    private static UserFacingException cannotWrite(RunDirectory dir, Exception e) {
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

    /** "50 writes next: lines 2-51 of offboarding.csv (600 left in all)": what the next batch sends. */
    private static String describeNext(List<Step> pending, int batchSize, Preview preview) {
        if (pending.isEmpty()) {
            return "nothing left to send";
        }
        List<Step> next = pending.subList(0, Math.min(batchSize, pending.size()));
        IntSummaryStatistics lines = next.stream()
                .mapToInt(st -> preview.plan().rows().get(st.rowIndex()).line())
                .summaryStatistics();
        Path source = preview.plan().source();
        return next.size() + (next.size() == 1 ? " write" : " writes") + " next: "
                + (lines.getMin() == lines.getMax()
                        ? "line " + lines.getMin()
                        : "lines " + lines.getMin() + "-" + lines.getMax())
                + " of " + fileName(source)
                + (pending.size() > next.size() ? " (" + pending.size() + " left in all)" : "");
    }

    private static String fileName(Path source) {
        return String.valueOf(source.getFileName() == null ? source : source.getFileName());
    }
}
