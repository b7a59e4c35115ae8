package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.run.OutcomeCounts;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code runs show}: one run. {@code unconfirmed}: pending writes answered with success whose accounts did not show
 * the change yet; {@code failures}: the first of results.csv's failed rows.
 */
record RunView(
        String id,
        String operation,
        String orgId,
        String orgName,
        String source,
        String created,
        String updated,
        String state,
        int rows,
        int writes,
        Map<String, Long> outcomes,
        String directory,
        String resultsFile,
        String undoFile,
        List<String> failures,
        int unconfirmed,
        @JsonIgnore String org,
        @JsonIgnore boolean elsewhere,
        @JsonIgnore OutcomeCounts counts) {

    /** {@code elsewhere}: the run was made against another org than the one connected. */
    static RunView of(RunMeta m, RunDirectory dir, List<String> failures, int unconfirmed, boolean elsewhere) {
        return new RunView(
                m.id(),
                m.operation(),
                m.orgId(),
                m.orgName(),
                m.source(),
                m.created(),
                m.updated(),
                m.state().label(),
                m.rows(),
                m.steps(),
                RunsView.outcomes(m.counts()),
                dir.path().toString(),
                dir.results().toString(),
                dir.undo().toString(),
                failures,
                unconfirmed,
                m.org(),
                elsewhere,
                m.counts());
    }

    /** The run field by field, for a person; the first failures under them. */
    List<String> lines(Styles s, int shownFailures) {
        List<String> out = new ArrayList<>();
        out.add(String.format("%-12s %s", "run", id));
        out.add(String.format("%-12s %s", "operation", operation));
        out.add(String.format("%-12s %s", "org", org));
        if (elsewhere) {
            out.add(String.format("%-12s %s", "", "not the connected org: resume and undo refuse it here"));
        }
        out.add(String.format("%-12s %s", "source", source));
        out.add(String.format("%-12s %s, last change %s", "created", created, updated));
        out.add(String.format("%-12s %s", "state", state));
        out.add(String.format(
                "%-12s %d rows, %d writes: %s", "outcomes", rows, writes, RunConsole.describe(counts, s)));
        if (unconfirmed > 0) {
            out.add(String.format(
                    "%-12s %d writes applied, not yet confirmed: the org did not show them yet; "
                            + "resume reads them back and does not send them again",
                    "", unconfirmed));
        }
        out.add(String.format("%-12s %s", "directory", directory));
        if (!failures.isEmpty()) {
            out.add("failures (first " + shownFailures + ", from results.csv):");
            failures.forEach(l -> out.add("  " + Sanitizer.forTerminal(l)));
        }
        return out;
    }
}
