package io.orgshell.run;

import io.orgshell.plan.Step;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results of a run's steps, each journaled as it is recorded, and the steps a stopped run left uncertain (sent,
 * maybe landed: read before anything is sent again). Recorded from several threads at once; read by the run loop
 * and the tally through {@link #view()}.
 */
final class StepResults {

    private final Map<Integer, StepResult> results;
    private final Set<Integer> uncertain = ConcurrentHashMap.newKeySet();
    private final RunJournal journal;

    StepResults(RunJournal journal, Map<Integer, StepResult> earlier, Collection<Integer> uncertain) {
        this.journal = journal;
        this.results = new ConcurrentHashMap<>(earlier);
        this.uncertain.addAll(uncertain);
    }

    RunJournal journal() {
        return journal;
    }

    /** The results so far, as they change. */
    Map<Integer, StepResult> view() {
        return Collections.unmodifiableMap(results);
    }

    StepResult get(int step) {
        return results.get(step);
    }

    boolean has(int step) {
        return results.containsKey(step);
    }

    boolean uncertain(int step) {
        return uncertain.contains(step);
    }

    /** A step that was uncertain is to be read back, not sent again: it is no longer the journal's question. */
    void settled(int step) {
        uncertain.remove(step);
    }

    /** In the results before the journal: the files then reflect at least what the journal holds (see RunRefresh). */
    void record(StepResult r) {
        results.put(r.step(), r);
        journal.result(r);
        uncertain.remove(r.step());
    }

    /** Steps with no result yet, in run order. */
    List<Step> pending(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (!results.containsKey(s.number())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Failed steps, and the steps that were skipped only because they waited for one, get another chance: their
     * results are forgotten and they are returned in run order, to be sent as a batch of their own.
     */
    List<Step> forgetFailures(List<Step> steps) {
        List<Step> reset = new ArrayList<>();
        for (Step s : steps) {
            StepResult r = results.get(s.number());
            if (r != null && (r.outcome() == Outcome.FAILED || r.skip() == SkipReason.WAITS_FOR_STEP)) {
                results.remove(s.number());
                reset.add(s);
            }
        }
        journal.append("retry", Map.of("steps", reset.size()));
        return reset;
    }
}
