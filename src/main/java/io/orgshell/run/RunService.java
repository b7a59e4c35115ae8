package io.orgshell.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.orgshell.plan.Handlers;
import io.orgshell.plan.Preview;
import io.orgshell.plan.Step;
import io.orgshell.plan.WriteContext;
import io.orgshell.session.Connection;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * Runs a previewed plan, or resumes a stopped run, in batches: each batch is written, journaled and reported; then
 * an attended run asks how to go on. The run directory is locked for the whole time, so two processes can never
 * work on one run.
 */
@Service
public class RunService {

    /** Unattended runs rewrite the report files this often (in batches); attended runs after every batch. */
    static final int REPORT_EVERY = 20;
    static final int UNATTENDED_BATCH = 200;
    static final Duration WRITE_RETRY_BACKOFF = Duration.ofMillis(500);

    private final RunStore store;
    private final double maxFraction;

    public RunService(RunStore store, io.orgshell.config.OrgShellProperties properties) {
        this.store = store;
        this.maxFraction = properties.safety().maxFraction();
    }

    public RunSummary start(Preview preview, Connection connection, RunOptions options, BatchControl control,
                            Consumer<StepResult> progress) {
        if (!preview.orgId().equals(connection.orgId())) {
            throw new UserFacingException("the preview was made against another organization (" + preview.orgId()
                    + "); run 'preview' again", ExitCodes.USAGE);
        }
        SafetyLimit.check(preview, connection.orgName(), options.overrideLimit(), maxFraction);
        RunDirectory dir = store.create(preview.plan().operation().cliName());
        try (RunDirectory.Lock lock = dir.lock()) {
            PlanArchive.write(dir, preview);
            String now = Instant.now().toString();
            RunMeta meta = new RunMeta(dir.id(), preview.plan().operation().cliName(), connection.orgId(),
                    connection.orgName(), preview.plan().source().toAbsolutePath().toString(), now,
                    preview.checks().size(), preview.steps().size(), RunMeta.RUNNING,
                    RunReport.counts(RunReport.outcomes(preview, Map.of())), now);
            dir.writeMeta(meta);
            try (RunJournal journal = RunJournal.open(dir.journal())) {
                journal.append("start", Map.of("run", dir.id(), "operation", meta.operation(), "org", meta.orgId(),
                        "rows", meta.rows(), "steps", meta.steps()));
                return execute(dir, meta, preview, journal, new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(),
                        connection, options, control, progress, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run " + dir.id(), e);
        }
    }

    public RunSummary resume(String id, Connection connection, RunOptions options, BatchControl control,
                             Consumer<StepResult> progress) {
        RunDirectory dir = id != null ? store.open(id) : store.latest(connection.orgId(), true)
                .map(m -> store.open(m.id()))
                .orElseThrow(() -> new UserFacingException("no unfinished run for this organization (see 'runs list')",
                        ExitCodes.USAGE));
        try (RunDirectory.Lock lock = dir.lock()) {
            RunMeta meta = dir.readMeta();
            if (!meta.unfinished()) {
                throw new UserFacingException("run " + meta.id() + " is finished; nothing to resume", ExitCodes.USAGE);
            }
            if (!meta.orgId().equals(connection.orgId())) {
                throw new UserFacingException("run " + meta.id() + " belongs to organization " + meta.orgId()
                        + "; connect to it first", ExitCodes.USAGE);
            }
            RunJournal.Replay replay = RunJournal.replay(dir.journal());
            Preview preview = PlanArchive.read(dir, meta);
            Map<Integer, StepResult> results = new ConcurrentHashMap<>(replay.results());
            Set<Integer> uncertain = ConcurrentHashMap.newKeySet();
            uncertain.addAll(replay.uncertain());
            try (RunJournal journal = RunJournal.open(dir.journal())) {
                journal.append("resume", Map.of("done", results.size(), "uncertain", uncertain.size()));
                return execute(dir, meta, preview, journal, results, uncertain, connection, options, control,
                        progress, replay.tornTail());
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot resume run " + dir.id() + ": " + e.getMessage());
        }
    }

    private RunSummary execute(RunDirectory dir, RunMeta meta, Preview preview, RunJournal journal,
                               Map<Integer, StepResult> results, Set<Integer> uncertain, Connection connection,
                               RunOptions options, BatchControl control, Consumer<StepResult> progress,
                               boolean torn) throws IOException {
        meta = meta.with(RunMeta.RUNNING, meta.counts(), Instant.now().toString());
        dir.writeMeta(meta);
        RunExecutor executor = new RunExecutor(connection.directory(), Handlers.of(preview.plan().operation()),
                preview.plan().rows(), WriteContext.resolve(connection.client(), connection.directory(), false),
                journal, options.concurrency(), WRITE_RETRY_BACKOFF, results, uncertain);
        List<Step> steps = preview.steps();
        boolean ask = !options.unattended();
        boolean quit = false;
        int batch = 0;
        List<Step> pending = RunExecutor.pending(steps, results);
        control.starting(steps.size(), steps.size() - pending.size());
        try {
            while (!pending.isEmpty() && !executor.stopRequested()) {
                // unattended, a batch only sets how often accounts are re-read: larger ones keep the pipe full
                int size = ask ? options.batchSize() : Math.max(options.batchSize(), UNATTENDED_BATCH);
                List<Step> next = pending.subList(0, Math.min(size, pending.size()));
                Map<String, Long> before = RunReport.counts(RunReport.outcomes(preview, results));
                int pendingBefore = pending.size();
                executor.runBatch(next, progress);
                batch++;
                pending = RunExecutor.pending(steps, results);
                if (pending.size() == pendingBefore && !executor.stopRequested()) {
                    throw new IllegalStateException("a batch ended without a result for any of its steps");
                }
                List<RunReport.RowOutcome> outcomes = RunReport.outcomes(preview, results);
                if (ask || batch % REPORT_EVERY == 0) {
                    meta = report(dir, meta, preview, outcomes, RunMeta.RUNNING);
                }
                boolean failures = outcomes.stream().anyMatch(o -> o.outcome() == Outcome.FAILED);
                if (executor.stopRequested() || !ask || pending.isEmpty() && !failures) {
                    continue;
                }
                BatchControl.Decision d = control.afterBatch(new BatchControl.BatchReport(batch,
                        (pending.size() + options.batchSize() - 1) / options.batchSize(),
                        difference(RunReport.counts(outcomes), before), RunReport.counts(outcomes),
                        describeNext(pending, options.batchSize(), preview), failures(outcomes)));
                switch (d) {
                    case ALL_REMAINING -> ask = false;
                    case RETRY_FAILED -> {
                        resetFailures(steps, results, journal);
                        pending = RunExecutor.pending(steps, results);
                    }
                    case QUIT -> quit = true;
                    case CONTINUE -> {
                        // go on with the next batch, or end when none is left
                    }
                }
                if (quit) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            journal.append("state", Map.of("state", RunMeta.INTERRUPTED, "error", String.valueOf(e.getMessage())));
            report(dir, meta, preview, RunReport.outcomes(preview, results), RunMeta.INTERRUPTED);
            throw e;
        }
        if (executor.stopRequested() && !pending.isEmpty() && !quit && unreachable(connection)) {
            journal.append("state", Map.of("state", RunMeta.INTERRUPTED, "error", "the organization is unreachable"));
            report(dir, meta, preview, RunReport.outcomes(preview, results), RunMeta.INTERRUPTED);
            throw new io.orgshell.api.ApiConnectionException("the organization stopped answering; run " + dir.id()
                    + " stopped and can be resumed with: resume " + dir.id(), "run", null);
        }
        String state = pending.isEmpty() ? RunMeta.FINISHED : quit ? RunMeta.PAUSED : RunMeta.INTERRUPTED;
        journal.append("state", Map.of("state", state));
        List<RunReport.RowOutcome> outcomes = RunReport.outcomes(preview, results);
        meta = report(dir, meta, preview, outcomes, state);
        return new RunSummary(meta, dir, meta.counts(), failures(outcomes), torn);
    }

    /** After a stop that nobody asked for: is the org reachable at all? */
    private static boolean unreachable(Connection connection) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        try {
            connection.client().org().block();
            return false;
        } catch (io.orgshell.api.ApiConnectionException e) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static RunMeta report(RunDirectory dir, RunMeta meta, Preview preview,
                                  List<RunReport.RowOutcome> outcomes, String state) {
        try {
            RunReport.write(dir, preview, outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results of run " + dir.id(), e);
        }
        RunMeta next = meta.with(state, RunReport.counts(outcomes), Instant.now().toString());
        dir.writeMeta(next);
        return next;
    }

    /** Failed steps, and the steps that were skipped only because they waited for one, get another chance. */
    private static void resetFailures(List<Step> steps, Map<Integer, StepResult> results, RunJournal journal) {
        int reset = 0;
        for (Step s : steps) {
            StepResult r = results.get(s.number());
            if (r != null && (r.outcome() == Outcome.FAILED
                    || r.outcome() == Outcome.SKIPPED && r.reason() != null && r.reason().startsWith("waits for step"))) {
                results.remove(s.number());
                reset++;
            }
        }
        journal.append("retry", Map.of("steps", reset));
    }

    static List<String> failures(List<RunReport.RowOutcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (RunReport.RowOutcome o : outcomes) {
            if (o.outcome() == Outcome.FAILED) {
                out.add("line " + o.check().row().line() + "  " + o.check().row().accountId() + "  " + o.reason());
            }
        }
        return out;
    }

    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!RunReport.PENDING.equals(k)) {
                d.put(k, v - before.getOrDefault(k, 0L));
            }
        });
        return d;
    }

    private static String describeNext(List<Step> pending, int batchSize, Preview preview) {
        if (pending.isEmpty()) {
            return "nothing left to send";
        }
        List<Step> next = pending.subList(0, Math.min(batchSize, pending.size()));
        int first = preview.plan().rows().get(next.get(0).rowIndex()).line();
        int last = preview.plan().rows().get(next.get(next.size() - 1).rowIndex()).line();
        return next.size() + " writes, file lines " + Math.min(first, last) + "-" + Math.max(first, last) + "; "
                + pending.size() + " writes left in all";
    }
}
