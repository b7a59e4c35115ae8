package io.orgshell.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows of a run ended in each {@link Outcome}, and how many have not ended yet. Written in
 * {@code run.json} as {@code {"applied": n, "already done": n, "skipped": n, "failed": n, "pending": n}}, the
 * shape it always had, so older run directories read the same.
 */
public final class OutcomeCounts {

    public static final String PENDING = "pending";
    private static final OutcomeCounts NONE = new OutcomeCounts(new EnumMap<>(Outcome.class), 0);

    private final Map<Outcome, Long> byOutcome;
    private final long pending;

    OutcomeCounts(EnumMap<Outcome, Long> byOutcome, long pending) {
        EnumMap<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, byOutcome.getOrDefault(o, 0L));
        }
        this.byOutcome = Collections.unmodifiableMap(all);
        this.pending = pending;
    }

    public static OutcomeCounts none() {
        return NONE;
    }

    public long get(Outcome outcome) {
        return byOutcome.get(outcome);
    }

    public long pending() {
        return pending;
    }

    /** Every outcome in declaration order, zeros included. */
    public Map<Outcome, Long> byOutcome() {
        return byOutcome;
    }

    /** What changed since {@code before}: the rows that ended in between, by outcome (nothing pending). */
    public OutcomeCounts since(OutcomeCounts before) {
        EnumMap<Outcome, Long> d = new EnumMap<>(Outcome.class);
        byOutcome.forEach((o, n) -> d.put(o, n - before.get(o)));
        return new OutcomeCounts(d, 0);
    }

    @JsonValue
    public Map<String, Long> asJson() {
        Map<String, Long> out = new LinkedHashMap<>();
        byOutcome.forEach((o, n) -> out.put(o.label(), n));
        out.put(PENDING, pending);
        return out;
    }

    /** Missing keys count as zero; a key this version does not know is ignored. */
    @JsonCreator
    public static OutcomeCounts fromJson(Map<String, Long> json) {
        EnumMap<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            Long n = json.get(o.label());
            counts.put(o, n == null ? 0L : n);
        }
        Long pending = json.get(PENDING);
        return new OutcomeCounts(counts, pending == null ? 0L : pending);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeCounts c && c.byOutcome.equals(byOutcome) && c.pending == pending;
    }

    @Override
    public int hashCode() {
        return byOutcome.hashCode() * 31 + Long.hashCode(pending);
    }

    @Override
    public String toString() {
        return asJson().toString();
    }
}
