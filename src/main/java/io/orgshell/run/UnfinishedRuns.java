package io.orgshell.run;

import io.orgshell.plan.Preview;
import io.orgshell.plan.Step;
import io.orgshell.session.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The unfinished runs of an org that still have writes to send to accounts a new run is about to write: running
 * the same plan again instead of resuming sends those accounts twice, or two plans fight over them.
 */
final class UnfinishedRuns {

    private UnfinishedRuns() {}

    /** One warning per unfinished run of the connected org holding any of the accounts {@code preview} writes. */
    static List<String> holding(RunStore store, Connection connection, Preview preview) {
        Set<String> accounts = preview.steps().stream().map(Step::accountId).collect(Collectors.toSet());
        List<String> warnings = new ArrayList<>();
        for (RunMeta run : store.unfinished(connection)) {
            long held;
            try {
                held = stillToWrite(store.open(run.id()), run).stream()
                        .filter(accounts::contains)
                        .count();
            } catch (IOException | RuntimeException e) {
                continue; // a run that cannot be read is listed as damaged by 'runs list'; it holds nothing here
            }
            if (held > 0) {
                warnings.add("unfinished run " + run.id() + " (" + run.state().label() + ") still has " + held
                        + " of these accounts to write; 'resume "
                        + run.id() + "' finishes it instead");
            }
        }
        return warnings;
    }

    /** The accounts of the steps with no result in the run's journal. */
    private static Set<String> stillToWrite(RunDirectory dir, RunMeta meta) throws IOException {
        Preview preview = PlanArchive.read(dir, meta);
        Map<Integer, StepResult> results =
                Files.exists(dir.journal()) ? RunJournal.replay(dir.journal()).results() : Map.of();
        return preview.steps().stream()
                .filter(s -> !results.containsKey(s.number()))
                .map(Step::accountId)
                .collect(Collectors.toSet());
    }
}
