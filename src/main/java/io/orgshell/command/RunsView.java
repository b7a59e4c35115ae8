package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.run.OutcomeCounts;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** {@code runs list}: every run, newest first; a run whose files cannot be read is listed as damaged. */
record RunsView(List<Entry> runs) implements Listing {

    /** {@code orgLabel}: the org as the table shows it, with the sandbox start when there is one. */
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
            @JsonIgnore String orgLabel,
            @JsonIgnore String outcomesText) {}

    static RunsView of(List<RunStore.Entry> entries) {
        return new RunsView(entries.stream()
                .map(e -> {
                    RunMeta m = e.meta();
                    return m == null
                            ? new Entry(e.id(), null, null, null, "damaged", null, null, null, null, e.damage(), "", "")
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
                                    orgLabel(m),
                                    RunConsole.describe(m.counts(), new Styles(false)));
                })
                .toList());
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Run", "Op", "Org", "State", "Rows", "Outcomes"),
                runs.stream()
                        .map(r -> List.of(
                                r.id(),
                                Objects.toString(r.operation(), ""),
                                r.orgLabel(),
                                r.state(),
                                r.rows() == null ? "" : String.valueOf(r.rows()),
                                r.damage() != null ? r.damage() : r.outcomesText()))
                        .toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        return List.of();
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
