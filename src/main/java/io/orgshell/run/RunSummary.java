package io.orgshell.run;

import java.util.List;

/**
 * Where a run stands after {@code run} or {@code resume} returns; {@code unconfirmed}: the pending rows whose writes
 * were answered with success but whose accounts did not show the change yet when the run stopped.
 */
public record RunSummary(
        RunMeta meta,
        RunDirectory directory,
        OutcomeCounts counts,
        List<String> failures,
        boolean tornJournal,
        int unconfirmed) {}
