package io.orgshell.run;

import java.util.List;

/** Where a run stands after {@code run} or {@code resume} returns. */
public record RunSummary(RunMeta meta, RunDirectory directory, OutcomeCounts counts, List<String> failures,
                         boolean tornJournal) {
}
