package io.orgshell.run;

import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Preview;
import io.orgshell.plan.Step;
import io.orgshell.plan.WriteContext;
import io.orgshell.session.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One run's batches, from the question before the first write to the state the run ends in: each batch is
 * written, read back when someone is told of it, reported, and (attended) followed by the operator's decision. Built
 * once per run or resume, on the thread {@link StopOnInterrupt} gives it. A run that cannot go on ends in
 * {@link #interrupt}: journaled as interrupted, reported, and thrown for the operator to read how to resume.
 */
final class RunLoop {

    /** Unattended runs rewrite the report files this often (in batches); attended runs after every batch. */
    static final int REPORT_EVERY = 20;

    static final Duration WRITE_RETRY_BACKOFF = Duration.ofMillis(500);

    /** What the journal of a resumed run already holds; nothing for a new run. */
    record Earlier(
            Map<Integer, StepResult> results,
            Collection<Integer> uncertain,
            Map<Integer, Integer> answered,
            boolean tornTail) {

        static final Earlier NOTHING = new Earlier(Map.of(), List.of(), Map.of(), false);
    }

    /** Why a run that has writes left cannot go on: journaled, reported, then {@code error} is thrown. */
    private record Interruption(String why, RuntimeException error) {}

    private final RunDirectory dir;
    private final Preview preview;
    private final List<Step> steps;
    private final RunJournal journal;
    private final Connection connection;
    private final RunOptions options;
    private final BatchControl control;
    private final boolean torn;
    private final RunExecutor executor;
    private final RunTally tally;
    private final Consumer<StepResult> onResult;
    private final RunListener progress;
    private RunMeta meta;
    private boolean ask;
    private boolean quit;
    private int batch;

    RunLoop(
            RunDirectory dir,
            RunMeta meta,
            Preview preview,
            RunJournal journal,
            Earlier earlier,
            Connection connection,
            RunOptions options,
            BatchControl control,
            RunListener progress,
            Duration confirmWait,
            PolicyTasks.Polling polling) {
        this.dir = dir;
        this.meta = meta;
        this.preview = preview;
        this.steps = preview.steps();
        this.journal = journal;
        this.connection = connection;
        this.options = options;
        this.control = control;
        this.torn = earlier.tornTail();
        this.executor = new RunExecutor(
                new RunExecutor.Writes(
                        connection.directory(),
                        OperationHandlers.of(preview.plan().operation()),
                        preview.rows(),
                        WriteContext.resolve(connection.client(), connection.directory()),
                        new ProtectedAccounts(
                                preview.plan().operation(), connection.callerAccountId(), preview.adminAccounts() > 0),
                        WRITE_RETRY_BACKOFF),
                options.concurrency(),
                confirmWait,
                journal,
                earlier);
        if (PolicyTasks.writes(preview.plan().operation())) {
            executor.sendAsTasks(connection.client(), polling, dir.id(), recordedTasks(dir));
        }
        executor.awaitAgain(steps, earlier.answered());
        this.tally = new RunTally(preview, executor.results());
        this.progress = progress;
        this.onResult = r -> {
            tally.update(r.step());
            progress.result(r);
        };
        this.ask = !options.unattended();
    }

    private static Map<Integer, PolicyTasks.Recorded> recordedTasks(RunDirectory dir) {
        try {
            return PolicyTasks.recorded(dir.journal());
        } catch (IOException e) {
            throw new RunFileFailure("the run journal " + dir.journal(), e);
        }
    }

    /**
     * Sends the batches; {@code stop} completes on Ctrl-C. A file of the run that cannot be written ends it with one
     * message naming the run and how to go on.
     */
    RunSummary run(CompletableFuture<Void> stop) {
        stop.thenRun(executor::requestStop);
        try {
            return runBatches();
        } catch (RuntimeException e) {
            RunFileFailure failure =
                    journal.failure() != null ? journal.failure() : e instanceof RunFileFailure f ? f : null;
            if (failure == null) {
                throw e;
            }
            // the journal or a report could not be written (a full disk): nothing more is sent
            try {
                report(new RunTally(preview, executor.results()), RunState.INTERRUPTED);
            } catch (RunFileFailure again) {
                // listed as interrupted anyway once this process has let go of the run
            }
            throw RunService.cannotWrite(dir, failure);
        }
    }

    /** The progress shown is taken down however the run ends, before its summary or its error is told. */
    private RunSummary runBatches() {
        try {
            return runAllBatches();
        } finally {
            progress.ended();
        }
    }

    private RunSummary runAllBatches() {
        meta = meta.with(RunState.RUNNING, meta.counts(), Instant.now().toString());
        dir.writeMeta(meta);
        control.starting(steps.size(), steps.size() - executor.unsent(steps).size());
        try {
            askBeforeFirstBatch();
            // the failed steps sent again on "retry failed": a batch of their own, asked about before the next one
            List<Step> retrying = List.of();
            while (!quit
                    && !executor.unsent(steps).isEmpty()
                    && !executor.stop().requested()) {
                retrying = runBatch(retrying);
            }
            // writes a stopped run left answered but unconfirmed, when nothing was left to send after them
            executor.confirm(onResult, !executor.stop().requested() && !quit);
        } catch (RuntimeException e) {
            if (journal.failure() != null) {
                throw e;
            }
            interrupt(new Interruption(String.valueOf(e.getMessage()), e));
        }
        // a write whose read-back could not be made has no result yet: the run is not finished
        List<Step> pending = executor.pending(steps);
        if (!pending.isEmpty() && !quit) {
            interruption(pending).ifPresent(this::interrupt);
        }
        RunState state = pending.isEmpty() ? RunState.FINISHED : quit ? RunState.PAUSED : RunState.INTERRUPTED;
        journal.append("state", Map.of("state", state.label()));
        report(tally, state);
        return new RunSummary(meta, dir, meta.counts(), tally.failures(), torn, executor.unconfirmed());
    }

    /** Attended, nothing is written before the operator says so. */
    private void askBeforeFirstBatch() {
        List<Step> pending = executor.unsent(steps);
        if (!ask || pending.isEmpty() || executor.stop().requested()) {
            return;
        }
        switch (control.beforeFirstBatch(describeNext(pending))) {
            case ALL_REMAINING -> ask = false;
            case QUIT -> quit = true;
            default -> {
                // continue: the first batch
            }
        }
    }

    /** Sends the next batch ({@code retrying}, when not empty); returns the steps to retry next, if any. */
    private List<Step> runBatch(List<Step> retrying) {
        List<Step> pending = executor.unsent(steps);
        int pendingBefore = pending.size();
        // unattended, a batch only sets how often accounts are re-read: larger ones keep the pipe full
        int size = ask ? options.batchSize() : Math.max(options.batchSize(), RunService.UNATTENDED_BATCH);
        boolean retry = !retrying.isEmpty();
        List<Step> next = retry ? retrying : pending.subList(0, Math.min(size, pending.size()));
        OutcomeCounts before = tally.counts();
        // undo can then take back one batch: the journal is the only record of which steps went together
        journal.append("batch", Map.of("steps", next.stream().map(Step::number).toList()));
        executor.runBatch(next, onResult, progress::answered);
        batch++;
        pending = executor.unsent(steps);
        boolean stopped = executor.stop().requested();
        if (pending.size() == pendingBefore && !stopped) {
            throw new IllegalStateException("a batch ended without a result for any of its steps");
        }
        // unattended, the next batch's re-read confirms this one's writes; a person deciding what comes next,
        // the last batch and a stop are told confirmed outcomes, so they are read back now
        if (ask || pending.isEmpty() || stopped) {
            executor.confirm(onResult, !stopped);
        }
        if (ask || batch % REPORT_EVERY == 0) {
            report(tally, RunState.RUNNING);
        }
        int nextSize = ask ? options.batchSize() : Math.max(options.batchSize(), RunService.UNATTENDED_BATCH);
        progress.batchEnded(batch, batch + (pending.size() + nextSize - 1) / nextSize);
        if (executor.stop().requested() || !ask || pending.isEmpty() && !tally.anyFailed()) {
            return List.of();
        }
        OutcomeCounts now = tally.counts();
        BatchControl.Decision d = control.afterBatch(new BatchControl.BatchReport(
                batch,
                retry,
                (pending.size() + options.batchSize() - 1) / options.batchSize(),
                now.since(before),
                now,
                describeNext(pending),
                tally.failures()));
        switch (d) {
            case ALL_REMAINING -> ask = false;
            case RETRY_FAILED -> {
                List<Step> again = executor.forgetFailures(steps);
                again.forEach(s -> tally.update(s.number()));
                control.starting(steps.size(), executor.results().size()); // the retried steps are to do again
                return again;
            }
            case QUIT -> quit = true;
            case CONTINUE -> {
                // go on with the next batch, or end when none is left
            }
        }
        return List.of();
    }

    /** Why a run that stopped with writes left, not by the operator's quit, cannot end as paused. */
    private Optional<Interruption> interruption(List<Step> pending) {
        RunStop stop = executor.stop();
        String left = ": run " + dir.id() + " stopped with " + pending.size() + " of " + steps.size() + " writes left"
                + unconfirmed();
        if (stop.keyRefused().isPresent()) {
            ApiException refusal = stop.keyRefused().get();
            return Optional.of(new Interruption(
                    refusal.toString(),
                    new UserFacingException(
                            "the API key was refused (" + refusal.status() + " " + refusal.code()
                                    + ") after the run started" + left
                                    + "; connect with a valid key and resume "
                                    + "with: resume " + dir.id(),
                            ExitCodes.AUTH)));
        }
        if (stop.stoppedBy().isPresent()) {
            ApiConnectionException cause = stop.stoppedBy().get();
            return Optional.of(new Interruption(
                    cause.getMessage(),
                    new ApiConnectionException(
                            cause.getMessage() + "; run " + dir.id() + " stopped and can be resumed with: resume "
                                    + dir.id() + unconfirmed(),
                            cause.request(),
                            cause)));
        }
        if (executor.readBackFailure().isPresent()) {
            String why = executor.readBackFailure().get();
            return Optional.of(new Interruption(
                    why,
                    new UserFacingException(
                            "the accounts could not be read back to confirm the writes (" + why + ")" + left
                                    + "; resume with: resume " + dir.id(),
                            ExitCodes.FAILED)));
        }
        if (stop.requested() && !stop.asked() && unreachable()) {
            return Optional.of(new Interruption(
                    "the organization is unreachable",
                    new ApiConnectionException(
                            "the organization stopped answering; run " + dir.id()
                                    + " stopped and can be resumed with: resume " + dir.id() + unconfirmed(),
                            "run",
                            null)));
        }
        return Optional.empty();
    }

    /** The one way a run that cannot go on ends: journaled as interrupted, reported, and thrown. */
    private void interrupt(Interruption i) {
        journal.append("state", Map.of("state", RunState.INTERRUPTED.label(), "error", i.why()));
        // a batch that died may have recorded results it never handed on: count from the results themselves
        report(new RunTally(preview, executor.results()), RunState.INTERRUPTED);
        throw i.error();
    }

    /** " (3 rows applied, not yet confirmed)" when a stop left writes answered but not read back, else nothing. */
    private String unconfirmed() {
        int n = executor.unconfirmed();
        return n == 0 ? "" : " (" + n + (n == 1 ? " row" : " rows") + " applied, not yet confirmed)";
    }

    /** After a stop that nobody asked for: is the org reachable at all? */
    private boolean unreachable() {
        try {
            connection.client().organizations().org();
            return false;
        } catch (ApiConnectionException e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void report(RunTally counted, RunState state) {
        long journaled;
        try {
            // measured before the outcomes are taken: a result is in the results map before it is journaled, so
            // the files reflect at least this much of the journal (see RunRefresh)
            journaled = Files.size(dir.journal());
            RunReport.write(dir, preview, counted.outcomes());
        } catch (IOException e) {
            throw new RunFileFailure("the results of run " + dir.id(), e);
        }
        meta = meta.with(state, counted.counts(), Instant.now().toString()).reflecting(journaled);
        dir.writeMeta(meta);
    }

    /** "50 writes next: lines 2-51 of offboarding.csv (600 left in all)": what the next batch sends. */
    private String describeNext(List<Step> pending) {
        if (pending.isEmpty()) {
            return "nothing left to send";
        }
        List<Step> next = pending.subList(0, Math.min(options.batchSize(), pending.size()));
        IntSummaryStatistics lines = next.stream()
                .mapToInt(st -> preview.check(st.rowIndex()).row().line())
                .summaryStatistics();
        return next.size() + (next.size() == 1 ? " write" : " writes") + " next: "
                + (lines.getMin() == lines.getMax()
                        ? "line " + lines.getMin()
                        : "lines " + lines.getMin() + "-" + lines.getMax())
                + " of " + RunService.fileName(preview.plan().source())
                + (pending.size() > next.size() ? " (" + pending.size() + " left in all)" : "");
    }
}
