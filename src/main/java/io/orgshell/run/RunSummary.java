package io.orgshell.run;

import java.util.List;
import java.util.Map;

/** Where a run stands after {@code run} or {@code resume} returns. */
public record RunSummary(RunMeta meta, RunDirectory directory, Map<String, Long> counts, List<String> failures,
                         boolean tornJournal) {
}
