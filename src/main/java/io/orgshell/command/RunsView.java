package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.run.OutcomeCounts;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunStanding;
import io.orgshell.run.RunStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code runs list}: every run, newest first; a run whose files cannot be read is listed as damaged, and a run whose
 * sandbox start is gone, or that can never be resumed, says so.
 */
record RunsView(List<Entry> runs) implements Listing {

    /**
     * {@code orgLabel}: the org as the table shows it, with the sandbox start when there is one; {@code sandboxGone}
     * and {@code neverResumes} as {@link RunStanding} has them.
     */
    record Entry(
            String id,
            String operation,
            String orgId,
            String orgName,
            String state,
            Integer rows,
            Map<String, Long> outcomes,
            String created,
            String updated,
            String damage,
            boolean sandboxGone,
            String neverResumes,
            @JsonIgnore String orgLabel,
            @JsonIgnore String outcomesText,
            @JsonIgnore String marks) {}

    static RunsView of(List<RunStore.Entry> entries, Function<RunStore.Entry, RunStanding> standing) {
        return new RunsView(entries.stream()
                .map(e -> {
                    RunMeta m = e.meta();
                    RunStanding st = standing.apply(e);
                    return m == null
                            ? new Entry(
                                    e.id(),
                                    null,
                                    null,
                                    null,
                                    "damaged",
                                    null,
                                    null,
                                    null,
                                    null,
                                    e.damage(),
                                    false,
                                    st.neverResumes(),
                                    "",
                                    "",
                                    "can never resume")
                            : new Entry(
                                    m.id(),
                                    m.operation(),
                                    m.orgId(),
                                    m.orgName(),
                                    m.state().label(),
                                    m.rows(),
                                    outcomes(m.counts()),
                                    m.created(),
                                    m.updated(),
                                    null,
                                    st.sandboxGone(),
                                    st.neverResumes(),
                                    orgLabel(m),
                                    RunConsole.describe(m.counts(), new Styles(false)),
                                    st.marks());
                })
                .toList());
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Run", "Op", "Org", "State", "Rows", "Outcomes", "Note"),
                runs.stream()
                        .map(r -> List.of(
                                r.id(),
                                Objects.toString(r.operation(), ""),
                                r.orgLabel(),
                                r.state(),
                                r.rows() == null ? "" : String.valueOf(r.rows()),
                                r.damage() != null ? r.damage() : r.outcomesText(),
                                r.marks()))
                        .toList());
    }

    /** How many runs cannot be worked on any more, and how to clear them. */
    @Override
    public List<String> notes(Styles styles) {
        long gone = runs.stream().filter(Entry::sandboxGone).count();
        long never = runs.stream().filter(r -> r.neverResumes() != null).count();
        if (gone + never == 0) {
            return List.of();
        }
        return List.of(gone + " run(s) of a sandbox start that is gone, " + never
                + " that can never resume: 'runs prune --gone' or 'runs prune ID...' removes them");
    }

    /** The org's name; a sandbox run adds its sandbox start, since every sandbox of one seed has the same name. */
    private static String orgLabel(RunMeta m) {
        String name = Sanitizer.forTerminal(m.orgName() == null ? m.orgId() : m.orgName());
        return m.sandboxInstance() == null
                ? name
                : name + " [sandbox " + RunMeta.shortInstance(m.sandboxInstance()) + "]";
    }

    /** {@code applied}, {@code already_done}, {@code skipped}, {@code failed}, {@code pending}: zeros included. */
    static Map<String, Long> outcomes(OutcomeCounts counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.byOutcome().forEach((o, n) -> out.put(o.name().toLowerCase(Locale.ROOT), n));
        out.put(OutcomeCounts.PENDING, counts.pending());
        return out;
    }
}
