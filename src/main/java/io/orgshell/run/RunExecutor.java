package io.orgshell.run;

import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import io.orgshell.api.ApiWaitTooLongException;
import io.orgshell.api.OrgDirectory;
import io.orgshell.plan.AccountState;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Step;
import io.orgshell.plan.WriteContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends the writes of a run, a batch at a time, a few in flight at once; a step that must wait for another
 * (a chain or a swap) starts only when that one has been answered with success. Before any write, the batch's
 * accounts are read again in one request and a step whose account changed since preview is skipped, not
 * overwritten. A write whose answer is lost (5xx, timeout, dropped connection) is re-read before it is ever sent
 * again.
 * <p>
 * A success answer is not yet "applied": the step waits for confirmation, and the re-read before the next batch
 * (the same search call) also reads back the accounts the previous batch wrote. Only an account that shows the
 * change makes the step applied. One that does not is read again, with backoff, until {@code confirmWait} after its
 * answer (the org's reads may lag behind its writes): only then does it fail ("the API answered 204 but the account
 * did not change"). Until then it is applied, not yet confirmed. {@link #confirm} does the same after the last
 * batch. An intermediate step (an address held for a swap) is confirmed by the account's final state: when a later
 * step of the same account is confirmed, so is it. Each batch's re-read also asks again what preview protects
 * ({@link ProtectedAccounts}), and a 401 (the key revoked or expired) stops the run for resume.
 * <p>
 * Stopping (quit, Ctrl-C) lets the writes in flight finish and starts no new one; their results are journaled, so
 * the run can be resumed exactly where it stopped. Ctrl-C reaches the executor as {@link #requestStop()}, from the
 * thread of the command, while the batches run on a thread that is never interrupted (see {@link RunService}).
 */
public final class RunExecutor {

    static final int MAX_WRITE_ATTEMPTS = 3;
    /** The status recorded for a success answer that reports none (the contract's usual one). */
    static final int SUCCESS_STATUS = 204;
    /** Accounts per v2 search (the API's largest page). */
    static final int SEARCH_SIZE = 100;
    /** The code of a write answered with success whose account did not show the change. */
    static final String NOT_CHANGED = "not-changed";
    /** After a stop the operator asked for, how long the writes in flight may take to land and be journaled. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);
    /** A write the org does not show yet is read again this soon at first, then less and less often. */
    static final Duration FIRST_RECHECK = Duration.ofMillis(250);

    static final Duration LAST_RECHECK = Duration.ofSeconds(5);

    private final OrgDirectory directory;
    private final OperationHandler handler;
    private final List<PlanRow> rows;
    private final WriteContext context;
    private final ProtectedAccounts protectedAccounts;
    private final RunJournal journal;
    private final int concurrency;
    private final Duration retryBackoff;
    private final Duration confirmWait;
    private final Map<Integer, StepResult> results;
    private final Set<Integer> uncertain;
    private final Map<Integer, CompletableFuture<StepResult>> running = new ConcurrentHashMap<>();
    /** Steps answered with success, not yet read back: the step, the status, and a note for the result. */
    private final Map<Integer, Answered> awaiting = new ConcurrentHashMap<>();

    private final AtomicBoolean stop = new AtomicBoolean();
    /** Completed when the operator asks to stop (Ctrl-C): what waits for the server waits only a little more. */
    private final CompletableFuture<Void> stopAsked = new CompletableFuture<>();
    /** Why the run stopped by itself, when the server said so: the run ends with it, for resume later. */
    private final AtomicReference<ApiConnectionException> stoppedBy = new AtomicReference<>();
    /** The answer that refused the key (revoked or expired mid-run): the run stops for resume, no row fails for it. */
    private final AtomicReference<ApiException> keyRefused = new AtomicReference<>();
    /** A read-back that failed for another reason (a 5xx after every retry): the run stops, naming it. */
    private final AtomicReference<RuntimeException> readBackFailure = new AtomicReference<>();

    RunExecutor(
            OrgDirectory directory,
            OperationHandler handler,
            List<PlanRow> rows,
            WriteContext context,
            ProtectedAccounts protectedAccounts,
            RunJournal journal,
            int concurrency,
            Duration retryBackoff,
            Duration confirmWait,
            Map<Integer, StepResult> results,
            Set<Integer> uncertain) {
        this.directory = directory;
        this.handler = handler;
        this.rows = rows;
        this.context = context;
        this.protectedAccounts = protectedAccounts;
        this.journal = journal;
        this.concurrency = concurrency;
        this.retryBackoff = retryBackoff;
        this.confirmWait = confirmWait;
        this.results = results;
        this.uncertain = uncertain;
    }

    public boolean stopRequested() {
        return stop.get();
    }

    /** Ctrl-C: no new write starts; the writes in flight get {@link #STOP_GRACE} to be answered and journaled. */
    public void requestStop() {
        stop.set(true);
        stopAsked.complete(null);
    }

    /** Whether the operator asked the run to stop (as opposed to the server or the network stopping it). */
    public boolean stopAsked() {
        return stopAsked.isDone();
    }

    /** The server's reason for a stop nobody asked for (a pause longer than max-wait), if it gave one. */
    public Optional<ApiConnectionException> stoppedBy() {
        return Optional.ofNullable(stoppedBy.get());
    }

    /** The org's refusal of the API key, when that is what stopped the run. */
    public Optional<ApiException> keyRefused() {
        return Optional.ofNullable(keyRefused.get());
    }

    /**
     * A 401, or a 403 to a read (a search, the org): the key itself is refused, not one account's write. The run
     * stops; the write that met it has no result, and resume reads its account before sending it.
     */
    private boolean refusesKey(Throwable e) {
        if (e instanceof ApiException api && (api.status() == 401 || api.status() == 403)) {
            keyRefused.compareAndSet(null, api);
            stop.set(true);
            return true;
        }
        return false;
    }

    /** A write answered with success at {@code at} (nano time), waiting to be read back. */
    private record Answered(Step step, int status, String note, long at) {}

    /** Rows whose writes were answered with success but do not show in their accounts yet. */
    public int unconfirmed() {
        return (int) awaiting.values().stream()
                .mapToInt(a -> a.step().rowIndex())
                .distinct()
                .count();
    }

    /**
     * Writes a stopped run had sent and seen answered with success, not yet read back: they wait for confirmation
     * again, from now, and are not sent again (a read that still lags would show them undone).
     */
    public void awaitAgain(List<Step> steps, Map<Integer, Integer> answered) {
        for (Step s : steps) {
            Integer status = answered.get(s.number());
            if (status != null && !results.containsKey(s.number())) {
                uncertain.remove(s.number());
                awaiting.put(s.number(), new Answered(s, status, "confirmed after resume", System.nanoTime()));
            }
        }
    }

    /** Steps with no result that are not waiting for confirmation either: what the next batches must still send. */
    public List<Step> unsent(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (!results.containsKey(s.number()) && !awaiting.containsKey(s.number())) {
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
    public void confirm(Consumer<StepResult> onResult, boolean wait) {
        if (awaiting.isEmpty()) {
            return;
        }
        try {
            Mono.fromRunnable(() -> confirm(
                            currentStates(awaiting.values().stream()
                                    .map(a -> a.step().accountId())
                                    .distinct()
                                    .toList()),
                            onResult))
                    .then(Mono.defer(() ->
                            !wait || awaiting.isEmpty() || stop.get() ? Mono.empty() : Mono.error(new NotShownYet())))
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RECHECK)
                            .maxBackoff(LAST_RECHECK)
                            .filter(NotShownYet.class::isInstance)
                            // the read-back blocks on its searches: not on a thread of the parallel scheduler
                            .scheduler(Schedulers.boundedElastic()))
                    // Ctrl-C ends a pause between two read-backs at once, not when it runs out; without a wait
                    // (after a stop) the one read-back still goes
                    .takeUntilOther(wait ? Mono.fromFuture(stopAsked, true) : Mono.never())
                    .block();
        } catch (RunFileFailure e) {
            throw e; // a journal that cannot be written is not a read that failed: it ends the run
        } catch (RuntimeException e) {
            // an org that cannot be reached is the run's own kind of stop (exit 4, resume later), not a failed read
            if (!refusesKey(e) && !(e instanceof ApiConnectionException)) {
                readBackFailure.compareAndSet(null, e);
            }
            stop.set(true);
        }
    }

    /** Why the writes waiting for confirmation could not be read back, when that is what stopped the run. */
    public Optional<String> readBackFailure() {
        return Optional.ofNullable(readBackFailure.get()).map(RunExecutor::describe);
    }

    /** Some write does not show in its account yet: read again later. */
    private static final class NotShownYet extends RuntimeException {
        NotShownYet() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the batch and returns when every step it started has a result. A stop the operator asks for (Ctrl-C,
     * {@link #requestStop()} or an interrupt of the calling thread) ends it after the writes in flight; the method
     * then returns normally with the stop flag set.
     */
    public void runBatch(List<Step> batch, Consumer<StepResult> onResult) {
        if (batch.isEmpty() || stop.get()) {
            return;
        }
        // the accounts the previous batch wrote are read back in the same request as this batch's
        List<String> ids = Stream.concat(
                        awaiting.values().stream().map(a -> a.step().accountId()),
                        batch.stream().map(Step::accountId))
                .distinct()
                .toList();
        Map<String, AccountState> live;
        try {
            live = new ConcurrentHashMap<>(currentStates(ids));
        } catch (CancellationException e) {
            return; // stopped while reading: nothing of this batch was sent
        } catch (ApiException e) {
            if (refusesKey(e)) {
                return;
            }
            throw e;
        }
        confirm(live, onResult);
        // a write still not shown is taken as landed, as one answered in this batch is: the org refuses what
        // follows if it did not, and its read-back goes on
        awaiting.values().stream()
                .sorted(Comparator.comparingInt(a -> a.step().number()))
                .forEach(a -> live.computeIfPresent(a.step().accountId(), (id, x) -> handler.applied(x, a.step())));
        // each step of this batch is waited for anew: a step sent again on "retry failed" still has its first
        // round's future, complete, which would let the step waiting for it go before it has an answer
        batch.forEach(s -> running.put(s.number(), new CompletableFuture<>()));
        CompletableFuture<Void> done = Flux.fromIterable(batch)
                .flatMap(s -> process(s, live).doOnNext(onResult), concurrency)
                .then()
                .toFuture();
        try {
            await(done);
        } catch (CancellationException e) {
            // Ctrl-C ends the run now: what still waits (a retry's pause, an answer not in yet) is dropped. A
            // write so left has no result in the journal, and resume reads its account before deciding.
        }
    }

    /**
     * Waits for {@code work}; once the operator asks to stop, for {@link #STOP_GRACE} more at most, then cancels it
     * (and throws {@link CancellationException}). Its failure is rethrown as it is.
     */
    private <T> T await(CompletableFuture<T> work) {
        try {
            while (true) {
                try {
                    CompletableFuture.anyOf(work, stopAsked).get();
                    if (work.isDone() || !stopAsked()) {
                        return work.get();
                    }
                    try {
                        return work.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException late) {
                        work.cancel(true);
                        throw new CancellationException("stopped");
                    }
                } catch (InterruptedException e) {
                    requestStop(); // the same as Ctrl-C through the command's thread
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private Mono<StepResult> process(Step s, Map<String, AccountState> live) {
        CompletableFuture<StepResult> mine = running.get(s.number());
        return waitFor(s.after())
                .then(Mono.defer(() -> {
                    if (stop.get()) {
                        return Mono.<StepResult>empty();
                    }
                    if (s.after() >= 0) {
                        StepResult before = results.get(s.after());
                        if (before == null && awaiting.containsKey(s.after())) {
                            // answered with success: the org itself refuses this step if that one did not land, and the
                            // read-back confirms the final state of both
                            before = new StepResult(s.after(), Outcome.APPLIED, 0, null, null);
                        }
                        if (before == null) {
                            return Mono.<StepResult>empty(); // its predecessor never ran (stopped): stays pending
                        }
                        if (!before.outcome().succeeded()) {
                            return Mono.just(finish(
                                    s,
                                    StepResult.skipped(
                                            s.number(),
                                            SkipReason.WAITS_FOR_STEP,
                                            "waits for step " + s.after() + " to free " + s.to()
                                                    + ", which did not apply"),
                                    live));
                        }
                    }
                    journal.intent(s.number(), s.accountId(), s.from(), s.to());
                    AccountState account = live.get(s.accountId());
                    if (account == null) {
                        return Mono.just(finish(
                                s,
                                StepResult.skipped(s.number(), SkipReason.ACCOUNT_GONE, "account no longer found"),
                                live));
                    }
                    String now = handler.state(account, s);
                    if (handler.same(now, s.to())) {
                        boolean ours = uncertain.contains(s.number());
                        return Mono.just(finish(
                                s,
                                ours ? Outcome.APPLIED : Outcome.ALREADY_DONE,
                                0,
                                null,
                                ours
                                        ? "confirmed: this write had landed before the run stopped"
                                        : "already at the target",
                                live));
                    }
                    if (uncertain.contains(s.number())
                            && s.temporary()
                            && handler.same(
                                    now,
                                    handler.assess(rows.get(s.rowIndex()), account, context)
                                            .target())) {
                        // a stop before the swap was read back: the account went through the temporary address to its
                        // target, where it stays for the next step to find
                        StepResult r = finish(
                                s,
                                Outcome.APPLIED,
                                0,
                                null,
                                "confirmed: this write had landed before the run stopped, and the next one too",
                                live);
                        live.put(s.accountId(), account);
                        return Mono.just(r);
                    }
                    if (!handler.same(now, s.from())) {
                        return Mono.just(finish(
                                s,
                                StepResult.skipped(
                                        s.number(),
                                        SkipReason.CHANGED_SINCE_PREVIEW,
                                        "changed since preview: now " + now),
                                live));
                    }
                    String protectedNow = protectedAccounts.why(account);
                    if (protectedNow != null) {
                        return Mono.just(
                                finish(s, StepResult.skipped(s.number(), SkipReason.PROTECTED, protectedNow), live));
                    }
                    return write(s, 1, live);
                }))
                .doFinally(x -> mine.complete(results.get(s.number())));
    }

    private Mono<Void> waitFor(int after) {
        if (after < 0 || results.containsKey(after)) {
            return Mono.empty();
        }
        CompletableFuture<StepResult> f = running.get(after);
        return f == null ? Mono.empty() : Mono.fromFuture(f).then();
    }

    private Mono<StepResult> write(Step s, int attempt, Map<String, AccountState> live) {
        journal.sent(s.number());
        return handler.write(s, rows.get(s.rowIndex()), context)
                .defaultIfEmpty(SUCCESS_STATUS)
                .flatMap(status -> Mono.<StepResult>fromRunnable(
                        () -> answered(s, status, attempt > 1 ? "applied on attempt " + attempt : null, live)))
                .onErrorResume(e -> {
                    if (e instanceof ApiWaitTooLongException wait) {
                        // refused unprocessed, until later than anyone should wait: stop, leave it for resume
                        stoppedBy.compareAndSet(null, wait);
                        stop.set(true);
                        return Mono.empty();
                    }
                    if (e instanceof ApiException api && api.status() == 401) {
                        refusesKey(api); // not applied: left without a result, resume sends it
                        return Mono.<StepResult>empty();
                    }
                    if (e instanceof ApiException api && api.status() == 403) {
                        // this account's write forbidden, or the key no longer allowed anything: the org read tells
                        return context.client()
                                .org()
                                .then(Mono.fromCallable(() ->
                                        finish(s, Outcome.FAILED, api.status(), api.code(), api.getMessage(), live)))
                                .onErrorResume(again -> refusesKey(again)
                                        ? Mono.empty()
                                        : Mono.just(finish(
                                                s, Outcome.FAILED, api.status(), api.code(), api.getMessage(), live)));
                    }
                    if (e instanceof ApiException api && api.status() < 500 && api.status() != 429) {
                        return Mono.just(finish(s, Outcome.FAILED, api.status(), api.code(), api.getMessage(), live));
                    }
                    // the answer was lost or the server failed: read the account before deciding anything
                    return readState(s.accountId())
                            .map(a -> handler.state(a, s))
                            .flatMap(now -> {
                                if (handler.same(now, s.to())) {
                                    return Mono.just(finish(
                                            s,
                                            Outcome.APPLIED,
                                            0,
                                            null,
                                            "confirmed by reading the account after: " + describe(e),
                                            live));
                                }
                                if (handler.same(now, s.from()) && attempt < MAX_WRITE_ATTEMPTS && !stop.get()) {
                                    return Mono.delay(retryBackoff.multipliedBy(attempt))
                                            .then(write(s, attempt + 1, live));
                                }
                                return Mono.just(failed(s, e, live));
                            })
                            .onErrorResume(again -> {
                                if (again instanceof ApiConnectionException || e instanceof ApiConnectionException) {
                                    // the org cannot be reached: whether this write landed is unknown. Leave it without
                                    // a
                                    // result (resume re-reads it) and stop the run rather than fail row after row.
                                    stop.set(true);
                                    return Mono.empty();
                                }
                                return Mono.just(failed(s, e, live));
                            });
                });
    }

    /**
     * A write answered with success: the later steps of this batch take it as done, but it has no result (and
     * reports no progress) until its account is read back.
     */
    private void answered(Step s, int status, String note, Map<String, AccountState> live) {
        journal.answered(s.number(), status);
        awaiting.put(s.number(), new Answered(s, status, note, System.nanoTime()));
        live.computeIfPresent(s.accountId(), (id, a) -> handler.applied(a, s));
    }

    /**
     * Records the result of every step still waiting whose account was read into {@code now}. Walking an account's
     * steps from the last, a step that shows the change confirms itself and the steps before it; the others failed,
     * once the last one's time to show has run out (until then, the account's steps go on waiting).
     */
    private void confirm(Map<String, AccountState> now, Consumer<StepResult> onResult) {
        if (awaiting.isEmpty()) {
            return;
        }
        Map<String, List<Answered>> byAccount = new TreeMap<>();
        awaiting.values().stream()
                .sorted(Comparator.comparingInt(a -> a.step().number()))
                .forEach(a -> byAccount
                        .computeIfAbsent(a.step().accountId(), k -> new ArrayList<>())
                        .add(a));
        long nowNanos = System.nanoTime();
        for (List<Answered> steps : byAccount.values()) {
            Answered last = steps.get(steps.size() - 1);
            if (Boolean.FALSE.equals(handler.shows(now.get(last.step().accountId()), last.step()))
                    && nowNanos - last.at() < confirmWait.toNanos()) {
                continue;
            }
            boolean later = false;
            for (int i = steps.size() - 1; i >= 0; i--) {
                Answered a = steps.get(i);
                Boolean shows =
                        later ? Boolean.TRUE : handler.shows(now.get(a.step().accountId()), a.step());
                later = later || Boolean.TRUE.equals(shows);
                StepResult r = shows == null
                        ? new StepResult(
                                a.step().number(),
                                Outcome.APPLIED,
                                a.status(),
                                null,
                                join(
                                        a.note(),
                                        "not confirmed: the account's " + "state cannot be read back through this API"))
                        : shows
                                ? new StepResult(a.step().number(), Outcome.APPLIED, a.status(), null, a.note())
                                : new StepResult(
                                        a.step().number(),
                                        Outcome.FAILED,
                                        a.status(),
                                        NOT_CHANGED,
                                        "the API answered " + a.status() + " but the account did not change"
                                                + (confirmWait.isZero()
                                                        ? ""
                                                        : " within " + describe(confirmWait)
                                                                + " (orgshell.confirm.max-wait)"));
                results.put(r.step(), r);
                journal.result(r);
                uncertain.remove(r.step());
                awaiting.remove(r.step());
                onResult.accept(r);
            }
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private StepResult failed(Step s, Throwable e, Map<String, AccountState> live) {
        int status = e instanceof ApiException api ? api.status() : 0;
        String code = e instanceof ApiException api ? api.code() : "connection";
        return finish(s, Outcome.FAILED, status, code, describe(e), live);
    }

    private StepResult finish(
            Step s, Outcome outcome, int status, String code, String reason, Map<String, AccountState> live) {
        return finish(s, new StepResult(s.number(), outcome, status, code, reason), live);
    }

    private StepResult finish(Step s, StepResult r, Map<String, AccountState> live) {
        results.put(s.number(), r);
        journal.result(r);
        uncertain.remove(s.number());
        if (r.outcome().succeeded()) {
            live.computeIfPresent(s.accountId(), (id, a) -> handler.applied(a, s));
        }
        return r;
    }

    /**
     * The accounts now: one v2 search per hundred accounts. A read the server
     * kept failing after the client's own retries is tried again as a whole, a little later: the batch's writes and
     * the previous batch's confirmations hang on it, and reading changes nothing.
     */
    Map<String, AccountState> currentStates(List<String> accountIds) {
        Map<String, AccountState> out = new ConcurrentHashMap<>();
        // the searches of one re-read go out together: one round trip per batch, however many accounts it reads back
        int chunks = (accountIds.size() + SEARCH_SIZE - 1) / SEARCH_SIZE;
        CompletableFuture<Void> read = Flux.range(0, chunks)
                .flatMap(
                        i -> directory.accounts(
                                accountIds.subList(i * SEARCH_SIZE, Math.min(accountIds.size(), (i + 1) * SEARCH_SIZE)),
                                concurrency),
                        Math.max(1, Math.min(chunks, concurrency)))
                .filter(u -> u.accountId() != null)
                .doOnNext(u -> out.put(u.accountId(), AccountState.of(u)))
                .retryWhen(Retry.backoff(MAX_WRITE_ATTEMPTS - 1, retryBackoff)
                        .filter(e -> e instanceof ApiException api && api.isRetryable() && !stop.get())
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .then()
                .toFuture();
        await(read);
        return out;
    }

    private Mono<AccountState> readState(String accountId) {
        return directory.account(accountId).map(AccountState::of);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(Throwable e) {
        if (e instanceof ApiException api) {
            return api.status() + " " + api.code() + ": " + api.getMessage();
        }
        if (e instanceof ApiConnectionException c) {
            return c.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Steps with no result yet, in run order. */
    public static List<Step> pending(List<Step> steps, Map<Integer, StepResult> results) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (!results.containsKey(s.number())) {
                out.add(s);
            }
        }
        return out;
    }
}
