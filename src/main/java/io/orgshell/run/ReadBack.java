package io.orgshell.run;

import io.orgshell.plan.AccountState;
import io.orgshell.plan.OperationHandler;
import io.orgshell.plan.OperationHandler.Shows;
import io.orgshell.plan.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The writes answered with success that wait for their accounts to show the change. Only an account that shows it
 * makes the step applied; one that does not fails once {@code confirmWait} has passed since its answer (the org's
 * reads may lag behind its writes). An intermediate step (an address held for a swap) is confirmed by the account's
 * final state: when a later step of the same account is confirmed, so is it.
 */
final class ReadBack {

    /** The code of a write answered with success whose account did not show the change. */
    static final String NOT_CHANGED = "not-changed";

    /** A write answered with success at {@code at} (nano time), waiting to be read back. */
    private record Answered(Step step, int status, String note, long at) {}

    private final Map<Integer, Answered> awaiting = new ConcurrentHashMap<>();
    /** Whether an account read after its write was answered did not show it yet: this org's reads lag. */
    private volatile boolean lagging;

    private final OperationHandler handler;
    private final StepResults results;
    private final Duration confirmWait;

    ReadBack(OperationHandler handler, StepResults results, Duration confirmWait) {
        this.handler = handler;
        this.results = results;
        this.confirmWait = confirmWait;
    }

    /** A write answered with success: it has no result (and reports no progress) until its account is read back. */
    void answered(Step s, int status, String note) {
        results.journal().answered(s.number(), status);
        awaiting.put(s.number(), new Answered(s, status, note, System.nanoTime()));
    }

    /**
     * Writes a stopped run had sent and seen answered with success, not yet read back: they wait for confirmation
     * again, from now, and are not sent again (a read that still lags would show them undone).
     */
    void awaitAgain(List<Step> steps, Map<Integer, Integer> answered) {
        for (Step s : steps) {
            Integer status = answered.get(s.number());
            if (status != null && !results.has(s.number())) {
                results.settled(s.number());
                awaiting.put(s.number(), new Answered(s, status, "confirmed after resume", System.nanoTime()));
            }
        }
    }

    /**
     * Whether this run has seen the org's reads lag behind its writes: then an account that does not show a write
     * whose answer was lost may show it later, and the write is not sent again before {@link #confirmWait} has passed.
     */
    boolean lagging() {
        return lagging;
    }

    Duration confirmWait() {
        return confirmWait;
    }

    boolean isEmpty() {
        return awaiting.isEmpty();
    }

    boolean awaits(int step) {
        return awaiting.containsKey(step);
    }

    /** The accounts to read back, each once. */
    List<String> accountIds() {
        return awaiting.values().stream()
                .map(a -> a.step().accountId())
                .distinct()
                .toList();
    }

    /** Rows whose writes were answered with success but do not show in their accounts yet. */
    int unconfirmed() {
        return (int) awaiting.values().stream()
                .mapToInt(a -> a.step().rowIndex())
                .distinct()
                .count();
    }

    /**
     * A write still not shown is taken as landed in {@code live}, as one answered in this batch is: the org refuses
     * what follows if it did not, and its read-back goes on.
     */
    void takeAsLanded(Map<String, AccountState> live) {
        inRunOrder().forEach(a -> live.computeIfPresent(a.step().accountId(), (id, x) -> handler.applied(x, a.step())));
    }

    /**
     * Records the result of every step still waiting whose account was read into {@code now}. Walking an account's
     * steps from the last, a step that shows the change confirms itself and the steps before it; the others failed,
     * once the last one's time to show has run out (until then, the account's steps go on waiting).
     */
    void confirm(Map<String, AccountState> now, Consumer<StepResult> onResult) {
        if (awaiting.isEmpty()) {
            return;
        }
        Map<String, List<Answered>> byAccount = new TreeMap<>();
        inRunOrder()
                .forEach(a -> byAccount
                        .computeIfAbsent(a.step().accountId(), k -> new ArrayList<>())
                        .add(a));
        long nowNanos = System.nanoTime();
        for (List<Answered> steps : byAccount.values()) {
            Answered last = steps.get(steps.size() - 1);
            if (handler.shows(now.get(last.step().accountId()), last.step()) == Shows.NO_CHANGE
                    && nowNanos - last.at() < confirmWait.toNanos()) {
                lagging = true;
                continue;
            }
            boolean later = false;
            for (int i = steps.size() - 1; i >= 0; i--) {
                Answered a = steps.get(i);
                Shows shows =
                        later ? Shows.CHANGE : handler.shows(now.get(a.step().accountId()), a.step());
                later = later || shows == Shows.CHANGE;
                StepResult r = result(a, shows);
                results.record(r);
                awaiting.remove(r.step());
                onResult.accept(r);
            }
        }
    }

    private StepResult result(Answered a, Shows shows) {
        int step = a.step().number();
        return switch (shows) {
            case CHANGE -> new StepResult(step, Outcome.APPLIED, a.status(), null, a.note());
            case CANNOT_TELL ->
                new StepResult(
                        step,
                        Outcome.APPLIED,
                        a.status(),
                        null,
                        join(a.note(), "not confirmed: the account's state cannot be read back through this API"));
            case NO_CHANGE ->
                new StepResult(
                        step,
                        Outcome.FAILED,
                        a.status(),
                        NOT_CHANGED,
                        "the API answered " + a.status() + " but the account did not change"
                                + (confirmWait.isZero()
                                        ? ""
                                        : " within " + describe(confirmWait) + " (orgshell.confirm.max-wait)"));
        };
    }

    private List<Answered> inRunOrder() {
        return awaiting.values().stream()
                .sorted(Comparator.comparingInt(a -> a.step().number()))
                .toList();
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
