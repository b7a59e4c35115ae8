package io.orgshell.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.orgshell.core.Sanitizer;
import io.orgshell.session.Connection;
import java.util.Objects;

/**
 * {@code run.json}: what a run is, where it stands ({@link RunState}) and how its rows ended so far. A
 * {@code run.json} without counts reads as none. {@code limits} are the preview's figures the safety limit is
 * checked against, kept so that {@code resume} checks it again; runs of earlier versions have none.
 * {@code journalBytes} is how much of the journal the state, the counts, {@code results.csv} and {@code undo.csv}
 * reflect; a journal longer than that holds what they lack (a process killed between its reports). A
 * {@code run.json} written before it was recorded has none. {@code sandboxInstance} is the start of the embedded
 * sandbox the run was made against (none for any other org): with {@code orgId}, the org the run belongs to.
 * {@code batchSize} is the batch size last asked for, which {@code resume} keeps; earlier runs have none.
 */
public record RunMeta(
        String id,
        String operation,
        String orgId,
        String orgName,
        String source,
        String created,
        int rows,
        int steps,
        RunState state,
        OutcomeCounts counts,
        String updated,
        @JsonInclude(JsonInclude.Include.NON_NULL) Limits limits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long journalBytes,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sandboxInstance,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer batchSize) {

    /**
     * The managed accounts the preview saw, the OK rows on org admins or admin groups, and those on org admins
     * alone ({@code adminAccounts}: absent from runs made before it was kept, where {@code adminRows} stands in).
     */
    public record Limits(
            int orgAccounts,
            int adminRows,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer adminAccounts) {}

    public RunMeta {
        counts = counts == null ? OutcomeCounts.none() : counts;
    }

    public RunMeta(
            String id,
            String operation,
            String orgId,
            String orgName,
            String source,
            String created,
            int rows,
            int steps,
            RunState state,
            OutcomeCounts counts,
            String updated,
            Limits limits) {
        this(
                id, operation, orgId, orgName, source, created, rows, steps, state, counts, updated, limits, null, null,
                null);
    }

    public boolean unfinished() {
        return state != RunState.FINISHED;
    }

    /**
     * Whether the run was made against the org this connection reaches: the same org ID and, for the embedded
     * sandbox, the same start of it (a fresh sandbox has the org ID of the last one, not its accounts).
     */
    public boolean madeAgainst(Connection connection) {
        return orgId.equals(connection.orgId()) && Objects.equals(sandboxInstance, connection.sandboxInstance());
    }

    /** "Acme Sandbox (org ID)", with the sandbox start when there is one: where the run's writes went. */
    public String org() {
        String name = orgName == null ? orgId : Sanitizer.forTerminal(orgName) + " (" + orgId + ")";
        return sandboxInstance == null ? name : name + ", sandbox " + shortInstance(sandboxInstance);
    }

    /** The first group of a sandbox instance's UUID: enough to tell two starts apart on screen. */
    public static String shortInstance(String instance) {
        int dash = instance.indexOf('-');
        return dash > 0 ? instance.substring(0, dash) : instance;
    }

    public RunMeta with(RunState newState, OutcomeCounts newCounts, String at) {
        return new RunMeta(
                id,
                operation,
                orgId,
                orgName,
                source,
                created,
                rows,
                steps,
                newState,
                newCounts,
                at,
                limits,
                journalBytes,
                sandboxInstance,
                batchSize);
    }

    /** The same, reflecting the first {@code bytes} of the journal. */
    public RunMeta reflecting(long bytes) {
        return new RunMeta(
                id,
                operation,
                orgId,
                orgName,
                source,
                created,
                rows,
                steps,
                state,
                counts,
                updated,
                limits,
                bytes,
                sandboxInstance,
                batchSize);
    }

    /** The same, with the batch size a resume asked for. */
    RunMeta withBatchSize(int size) {
        return new RunMeta(
                id,
                operation,
                orgId,
                orgName,
                source,
                created,
                rows,
                steps,
                state,
                counts,
                updated,
                limits,
                journalBytes,
                sandboxInstance,
                size);
    }
}
