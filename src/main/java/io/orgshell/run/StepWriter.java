package io.orgshell.run;

import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import io.orgshell.api.ApiWaitTooLongException;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.OrgAccount;
import io.orgshell.plan.AccountState;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Step;
import io.orgshell.plan.WriteContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The steps of one batch, each on a thread of the batch's pool: waits for the step it follows, re-checks the
 * account as the batch's re-read shows it ({@code live}), and writes. A write whose answer is lost (5xx, timeout,
 * dropped connection) is re-read before it is ever sent again. Once the batch is {@link #cancel cancelled} (a stop
 * that outlasted its grace, a failure) a thread still at work records nothing more: its write has no result in the
 * journal, and resume reads its account before deciding.
 */
final class StepWriter {

    static final int MAX_WRITE_ATTEMPTS = 3;
    /** Pauses between reads of an account whose write's answer was lost, in an org whose reads lag: doubling. */
    static final Duration FIRST_LAG_PAUSE = Duration.ofMillis(250);

    static final Duration LAST_LAG_PAUSE = Duration.ofSeconds(4);
    /** The status recorded for a success answer that reports none (the contract's usual one). */
    static final int SUCCESS_STATUS = 204;

    private final DirectoryClient directory;
    private final OperationHandler handler;
    private final List<PlanRow> rows;
    private final WriteContext context;
    private final ProtectedAccounts protectedAccounts;
    private final StepResults results;
    private final ReadBack readBack;
    private final RunStop stop;
    private final Duration retryBackoff;
    private final Map<String, AccountState> live;
    private final Consumer<StepResult> onResult;
    private final IntConsumer onAnswered;
    /** Completed with each step's result (null for none) when it is done: the step that follows it waits for it. */
    private final Map<Integer, CompletableFuture<StepResult>> done = new ConcurrentHashMap<>();

    private boolean cancelled;

    StepWriter(
            RunExecutor.Writes writes,
            StepResults results,
            ReadBack readBack,
            RunStop stop,
            Map<String, AccountState> live,
            Consumer<StepResult> onResult,
            IntConsumer onAnswered) {
        this.directory = writes.directory();
        this.handler = writes.handler();
        this.rows = writes.rows();
        this.context = writes.context();
        this.protectedAccounts = writes.protectedAccounts();
        this.retryBackoff = writes.retryBackoff();
        this.results = results;
        this.readBack = readBack;
        this.stop = stop;
        this.live = live;
        this.onResult = onResult;
        this.onAnswered = onAnswered;
    }

    /** Each step of the batch is waited for anew: a step sent again on "retry failed" had a result before. */
    void expect(List<Step> batch) {
        batch.forEach(s -> done.put(s.number(), new CompletableFuture<>()));
    }

    /** Nothing more is recorded, journaled or reported by this batch's threads. */
    synchronized void cancel() {
        cancelled = true;
    }

    /** Runs the step; on this batch's pool. */
    void run(Step s) {
        StepResult r = null;
        try {
            r = process(s);
        } finally {
            done.get(s.number()).complete(r);
        }
    }

    private StepResult process(Step s) {
        waitFor(s.after());
        if (stop.requested()) {
            return null;
        }
        if (s.after() >= 0) {
            StepResult before = results.get(s.after());
            if (before == null && readBack.awaits(s.after())) {
                // answered with success: the org itself refuses this step if that one did not land, and the
                // read-back confirms the final state of both
                before = new StepResult(s.after(), Outcome.APPLIED, 0, null, null);
            }
            if (before == null) {
                return null; // its predecessor never ran (stopped): stays pending
            }
            if (!before.outcome().succeeded()) {
                return finish(
                        s,
                        StepResult.skipped(
                                s.number(),
                                SkipReason.WAITS_FOR_STEP,
                                "waits for step " + s.after() + " to free " + s.to() + ", which did not apply"));
            }
        }
        journaled(() -> results.journal().intent(s.number(), s.accountId(), s.from(), s.to()));
        AccountState account = live.get(s.accountId());
        if (account == null) {
            return finish(s, StepResult.skipped(s.number(), SkipReason.ACCOUNT_GONE, "account no longer found"));
        }
        String now = handler.state(account, s);
        if (handler.same(now, s.to())) {
            boolean ours = results.uncertain(s.number());
            return finish(
                    s,
                    ours ? Outcome.APPLIED : Outcome.ALREADY_DONE,
                    0,
                    null,
                    ours ? "confirmed: this write had landed before the run stopped" : "already at the target");
        }
        if (results.uncertain(s.number())
                && s.temporary()
                && handler.same(
                        now,
                        handler.assess(rows.get(s.rowIndex()), account, context).target())) {
            // a stop before the swap was read back: the account went through the temporary address to its
            // target, where it stays for the next step to find
            StepResult r = finish(
                    s,
                    Outcome.APPLIED,
                    0,
                    null,
                    "confirmed: this write had landed before the run stopped, and the next one too");
            live.put(s.accountId(), account);
            return r;
        }
        if (!handler.same(now, s.from())) {
            return finish(
                    s,
                    StepResult.skipped(
                            s.number(), SkipReason.CHANGED_SINCE_PREVIEW, "changed since preview: now " + now));
        }
        String protectedNow = protectedAccounts.why(account);
        if (protectedNow != null) {
            return finish(s, StepResult.skipped(s.number(), SkipReason.PROTECTED, protectedNow));
        }
        return write(s, 1);
    }

    private void waitFor(int after) {
        CompletableFuture<StepResult> f = after < 0 || results.has(after) ? null : done.get(after);
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            throw new CancellationException("stopped");
        } catch (ExecutionException e) {
            throw new IllegalStateException("completed only with a result", e);
        }
    }

    private StepResult write(Step s, int attempt) {
        journaled(() -> results.journal().sent(s.number()));
        Integer status;
        try {
            status = handler.write(s, rows.get(s.rowIndex()), context);
        } catch (ApiWaitTooLongException wait) {
            // refused unprocessed, until later than anyone should wait: stop, leave it for resume
            stop.stopFor(wait);
            return null;
        } catch (ApiException api) {
            return refused(s, api, attempt);
        } catch (RuntimeException e) {
            cancelledBy(e);
            return lost(s, e, attempt);
        }
        String note = attempt > 1 ? "applied on attempt " + attempt : null;
        journaled(() -> {
            readBack.answered(s, status == null ? SUCCESS_STATUS : status, note);
            // the later steps of this batch take it as done
            live.computeIfPresent(s.accountId(), (id, a) -> handler.applied(a, s));
            onAnswered.accept(s.number());
        });
        return null;
    }

    private StepResult refused(Step s, ApiException api, int attempt) {
        if (api.status() == 401) {
            stop.refusesKey(api); // not applied: left without a result, resume sends it
            return null;
        }
        if (api.status() == 403) {
            // this account's write forbidden, or the key no longer allowed anything: the org read tells
            try {
                context.client().organizations().org();
            } catch (RuntimeException again) {
                cancelledBy(again);
                if (stop.refusesKey(again)) {
                    return null;
                }
            }
            return finish(s, Outcome.FAILED, api.status(), api.code(), api.getMessage());
        }
        if (api.status() < 500 && api.status() != 429) {
            return finish(s, Outcome.FAILED, api.status(), api.code(), api.getMessage());
        }
        return lost(s, api, attempt);
    }

    /**
     * The answer was lost or the server failed: the account is read before anything is decided. Where this run has
     * seen reads lag behind writes, an account that does not show the write is read again, with pauses, for as long
     * as an answered write may take to show: a write that landed is then found, not sent twice.
     */
    private StepResult lost(Step s, RuntimeException e, int attempt) {
        String now;
        try {
            now = stateOf(s);
            if (handler.same(now, s.from()) && readBack.lagging()) {
                long end = System.nanoTime() + readBack.confirmWait().toNanos();
                Duration pause = FIRST_LAG_PAUSE;
                while (handler.same(now, s.from()) && System.nanoTime() - end < 0 && stop.pause(pause)) {
                    now = stateOf(s);
                    pause = RunStop.doubled(pause, LAST_LAG_PAUSE);
                }
                if (stop.requested() && handler.same(now, s.from())) {
                    // Ctrl-C while waiting: whether it landed is still unknown, so no result; resume reads it again
                    return null;
                }
            }
        } catch (RuntimeException again) {
            cancelledBy(again);
            if (again instanceof ApiConnectionException || e instanceof ApiConnectionException) {
                // the org cannot be reached: whether this write landed is unknown. Leave it without a result
                // (resume re-reads it) and stop the run rather than fail row after row.
                stop.stop();
                return null;
            }
            return failed(s, e);
        }
        if (handler.same(now, s.to())) {
            return finish(s, Outcome.APPLIED, 0, null, "confirmed by reading the account after: " + describe(e));
        }
        if (handler.same(now, s.from()) && attempt < MAX_WRITE_ATTEMPTS && !stop.requested()) {
            // the account shows the write did not land, and the transport does not send a write whose answer
            // was lost again: sending it again, a little later, is the run's decision to make
            try {
                Thread.sleep(retryBackoff.multipliedBy(attempt).toMillis());
            } catch (InterruptedException stopped) {
                throw new CancellationException("stopped");
            }
            return write(s, attempt + 1);
        }
        return failed(s, e);
    }

    private String stateOf(Step s) {
        OrgAccount account = directory.accountById(s.accountId());
        return handler.state(AccountState.of(account), s);
    }

    /** A blocking call cut off by the batch's cancellation: this thread records nothing more. */
    private void cancelledBy(RuntimeException e) {
        if (e.getCause() instanceof InterruptedException
                || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("stopped");
        }
    }

    private StepResult failed(Step s, Throwable e) {
        int status = e instanceof ApiException api ? api.status() : 0;
        String code = e instanceof ApiException api ? api.code() : "connection";
        return finish(s, Outcome.FAILED, status, code, describe(e));
    }

    private StepResult finish(Step s, Outcome outcome, int status, String code, String reason) {
        return finish(s, new StepResult(s.number(), outcome, status, code, reason));
    }

    private StepResult finish(Step s, StepResult r) {
        journaled(() -> {
            results.record(r);
            if (r.outcome().succeeded()) {
                live.computeIfPresent(s.accountId(), (id, a) -> handler.applied(a, s));
            }
            onResult.accept(r);
        });
        return r;
    }

    /** What this batch's threads record, unless the batch was cancelled. */
    private synchronized void journaled(Runnable record) {
        if (cancelled) {
            throw new CancellationException("stopped");
        }
        record.run();
    }

    static String describe(Throwable e) {
        if (e instanceof ApiException api) {
            return api.status() + " " + api.code() + ": " + api.getMessage();
        }
        if (e instanceof ApiConnectionException c) {
            return c.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
