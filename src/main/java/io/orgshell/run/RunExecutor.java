package io.orgshell.run;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.OrgAccount;
import io.orgshell.plan.AccountState;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Step;
import io.orgshell.plan.WriteContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Sends the writes of a run, a batch at a time, a few in flight at once on a pool of the run's concurrency; a step
 * that must wait for another (a chain or a swap) starts only when that one has been answered with success
 * ({@link StepWriter}). Before any write, the batch's accounts are read again in one request and a step whose
 * account changed since preview is skipped, not overwritten.
 * <p>
 * A success answer is not yet "applied": the step waits for confirmation ({@link ReadBack}), and the re-read before
 * the next batch (the same search call) also reads back the accounts the previous batch wrote. {@link #confirm}
 * does the same after the last batch, reading again with backoff what does not show yet. Each batch's re-read also
 * asks again what preview protects ({@link ProtectedAccounts}), and a 401 (the key revoked or expired) stops the run
 * for resume.
 * <p>
 * Stopping (quit, Ctrl-C) lets the writes in flight finish and starts no new one; their results are journaled, so
 * the run can be resumed exactly where it stopped. Ctrl-C reaches the executor as {@link #requestStop()}, from the
 * thread of the command, while the batches run on a thread that is never interrupted (see {@link RunService}).
 */
final class RunExecutor {

    /** A write the org does not show yet is read again this soon at first, then less and less often. */
    static final Duration FIRST_RECHECK = Duration.ofMillis(250);

    static final Duration LAST_RECHECK = Duration.ofSeconds(5);

    /** What the writes go through, and how long to wait before sending again a write that did not land. */
    record Writes(
            DirectoryClient directory,
            OperationHandler handler,
            List<PlanRow> rows,
            WriteContext context,
            ProtectedAccounts protectedAccounts,
            Duration retryBackoff) {}

    private final Writes writes;
    private final int concurrency;
    private final StepResults results;
    private final ReadBack readBack;
    private final RunStop stop = new RunStop();
    /** For the operations whose writes are asynchronous tasks (policy-add): they go through it, not step by step. */
    private PolicyTasks tasks;

    /** {@code earlier}: the results and uncertain steps of a resumed run, copied: the executor records into its own. */
    RunExecutor(Writes writes, int concurrency, Duration confirmWait, RunJournal journal, RunLoop.Earlier earlier) {
        this.writes = writes;
        this.concurrency = concurrency;
        this.results = new StepResults(journal, earlier.results(), earlier.uncertain());
        this.readBack = new ReadBack(writes.handler(), results, confirmWait);
    }

    /** The writes go as journaled tasks ({@link PolicyTasks}); {@code recorded}: the tasks the journal already holds. */
    void sendAsTasks(
            AdminApiClient client,
            PolicyTasks.Polling polling,
            String runId,
            Map<Integer, PolicyTasks.Recorded> recorded) {
        tasks = new PolicyTasks(client, writes.rows(), results, stop, polling, runId, recorded);
    }

    /** Why and whether the run stops. */
    RunStop stop() {
        return stop;
    }

    /** The results so far, as they change: the executor's own, recorded (and journaled) as they come. */
    Map<Integer, StepResult> results() {
        return results.view();
    }

    /** Writes a stopped run saw answered with success: they wait for confirmation again, and are not sent again. */
    void awaitAgain(List<Step> steps, Map<Integer, Integer> answered) {
        readBack.awaitAgain(steps, answered);
    }

    /** Steps with no result yet, in run order. */
    List<Step> pending(List<Step> steps) {
        return results.pending(steps);
    }

    /**
     * "Retry failed": the failed steps, and the steps skipped only because they waited for one, lose their results
     * and are returned in run order, to be sent as a batch of their own.
     */
    List<Step> forgetFailures(List<Step> steps) {
        List<Step> again = results.forgetFailures(steps);
        if (tasks != null) {
            tasks.forget(again);
        }
        return again;
    }

    /** Ctrl-C: no new write starts; the writes in flight get {@link RunStop#STOP_GRACE} to be answered and journaled. */
    void requestStop() {
        stop.ask();
    }

    /** Rows whose writes were answered with success but do not show in their accounts yet. */
    int unconfirmed() {
        return readBack.unconfirmed();
    }

    /** Steps with no result that are not waiting for confirmation either: what the next batches must still send. */
    List<Step> unsent(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (!results.has(s.number()) && !readBack.awaits(s.number())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Reads back the accounts of the writes still waiting for confirmation and records their results; with
     * {@code wait}, reads again with backoff those that do not show the change yet, until each is confirmed or
     * its time is up. If the org cannot be read, or the wait is interrupted, the writes stay without a result (the
     * journal has them as sent: resume reads them) and the run stops.
     */
    void confirm(Consumer<StepResult> onResult, boolean wait) {
        // the pauses double from FIRST_RECHECK to LAST_RECHECK: the run's own loop, since an account that does not
        // show a write yet is an answer the transport took as good, not a failure it could retry
        Duration pause = FIRST_RECHECK;
        try {
            while (!readBack.isEmpty()) {
                readBack.confirm(currentStates(readBack.accountIds()), onResult);
                // Ctrl-C ends a pause between two read-backs at once, not when it runs out; without a wait (after
                // a stop) the one read-back still goes
                if (!wait || readBack.isEmpty() || stop.requested() || !stop.pause(pause)) {
                    return;
                }
                pause = RunStop.doubled(pause, LAST_RECHECK);
            }
        } catch (RunFileFailure e) {
            throw e; // a journal that cannot be written is not a read that failed: it ends the run
        } catch (CancellationException e) {
            stop.stop(); // a read-back Ctrl-C cut off: the writes wait for resume
        } catch (RuntimeException e) {
            // an org that cannot be reached is the run's own kind of stop (exit 4, resume later), not a failed read
            if (!stop.refusesKey(e) && !(e instanceof ApiConnectionException)) {
                stop.readBackFailed(e);
            }
            stop.stop();
        }
    }

    /**
     * Runs the batch and returns when every step it started has a result. A stop the operator asks for (Ctrl-C,
     * {@link #requestStop()} or an interrupt of the calling thread) ends it after the writes in flight; the method
     * then returns normally with the stop flag set.
     */
    void runBatch(List<Step> batch, Consumer<StepResult> onResult, IntConsumer onAnswered) {
        if (batch.isEmpty() || stop.requested()) {
            return;
        }
        if (tasks != null) {
            tasks.run(batch, onResult);
            return;
        }
        // the accounts the previous batch wrote are read back in the same request as this batch's
        List<String> ids = Stream.concat(
                        readBack.accountIds().stream(), batch.stream().map(Step::accountId))
                .distinct()
                .toList();
        Map<String, AccountState> live;
        try {
            live = new ConcurrentHashMap<>(currentStates(ids));
        } catch (CancellationException e) {
            return; // stopped while reading: nothing of this batch was sent
        } catch (ApiException e) {
            if (stop.refusesKey(e)) {
                return;
            }
            throw e;
        }
        readBack.confirm(live, onResult);
        readBack.takeAsLanded(live);
        StepWriter writer = new StepWriter(writes, results, readBack, stop, live, onResult, onAnswered);
        writer.expect(batch);
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.min(concurrency, batch.size()), daemons("orgshell-write"));
        try {
            // in run order: a step is taken up only after the one it follows, which so never waits for a thread
            stop.await(allOf(batch.stream()
                    .map(s -> CompletableFuture.runAsync(() -> writer.run(s), pool))
                    .toList()));
        } catch (CancellationException e) {
            // Ctrl-C ends the run now: what still waits (a retry's pause, an answer not in yet) is dropped. A
            // write so left has no result in the journal, and resume reads its account before deciding.
        } finally {
            writer.cancel();
            pool.shutdownNow();
        }
    }

    /** Done when every step is; failed as soon as one fails, as the batch then is. */
    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> steps) {
        CompletableFuture<Void> all = CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
        steps.forEach(s -> s.whenComplete((ok, e) -> {
            if (e != null) {
                all.completeExceptionally(e);
            }
        }));
        return all;
    }

    /**
     * The accounts now, read on a thread of their own so that a stop can leave the read behind. A read the server
     * kept failing after the transport's own retries is tried again as a whole, a little later: the batch's writes
     * and the previous batch's confirmations hang on it, and reading changes nothing.
     */
    Map<String, AccountState> currentStates(List<String> accountIds) {
        ExecutorService reader = Executors.newSingleThreadExecutor(daemons("orgshell-read"));
        try {
            return stop.await(CompletableFuture.supplyAsync(() -> readAgainOnFailure(accountIds), reader));
        } finally {
            reader.shutdownNow();
        }
    }

    /**
     * Two more tries, after the retry backoff and twice that, once the transport has given up on a search: the run's
     * own patience on top of the transport's, since a batch cannot go on without its re-read.
     */
    private Map<String, AccountState> readAgainOnFailure(List<String> accountIds) {
        Duration pause = writes.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return read(accountIds);
            } catch (ApiException e) {
                if (attempt >= StepWriter.MAX_WRITE_ATTEMPTS || !e.isRetryable() || stop.requested()) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                throw new CancellationException("stopped");
            }
            pause = pause.multipliedBy(2);
        }
    }

    /** The searches of one re-read go out together: one round trip per batch, however many accounts it reads back. */
    private Map<String, AccountState> read(List<String> accountIds) {
        Map<String, AccountState> out = new ConcurrentHashMap<>();
        DirectoryClient directory = writes.directory();
        List<OrgAccount> found = directory.accountsById(accountIds, concurrency);
        found.stream().filter(u -> u.accountId() != null).forEach(u -> out.put(u.accountId(), AccountState.of(u)));
        writes.handler().readAlongside(accountIds, writes.context());
        return out;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Why the writes waiting for confirmation could not be read back, when that is what stopped the run. */
    Optional<String> readBackFailure() {
        return stop.readBackFailure().map(StepWriter::describe);
    }
}
