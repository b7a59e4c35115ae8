package io.orgshell.command;

import io.orgshell.api.RateGovernor;
import io.orgshell.console.Console;
import io.orgshell.console.Progress;
import io.orgshell.console.Styles;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.run.BatchControl;
import io.orgshell.run.Outcome;
import io.orgshell.run.OutcomeCounts;
import io.orgshell.run.RunListener;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunOptions;
import io.orgshell.run.RunState;
import io.orgshell.run.RunSummary;
import io.orgshell.run.StepResult;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The terminal side of a run, shared by {@code run} and {@code resume}: the line naming a resumed run, the question
 * before the first write and between batches, the progress bar, and the closing summary with its exit code. The
 * questions have no default: Enter alone, or a key that is not a choice, asks again. At a terminal one key answers
 * them. A typed confirmation, when the run needs one, is the say before the first write: the first question is not
 * asked after it.
 */
final class RunConsole implements BatchControl, RunListener {

    static final String QUESTION = "[c]ontinue, [a]ll remaining, [v]iew failures, [r]etry failed, [q]uit? ";
    static final String FIRST_QUESTION = " — [c]ontinue, [a]ll, [q]uit? ";

    // the flags of run and resume, declared once for both commands' option annotations
    static final String BATCH_SIZE = "batch-size";
    static final String BATCH_SIZE_HELP = "rows per batch";
    static final String YES = "yes";
    static final String YES_HELP = "do not ask before and between batches (a script must say it to write)";
    static final String CONCURRENCY = "concurrency";
    static final String CONCURRENCY_HELP = "most writes in flight at once (the pace follows the server's rate limit)";
    static final String OVERRIDE_LIMIT = "override-limit";
    static final String OVERRIDE_LIMIT_HELP = "let a destructive run exceed the safety limit";
    static final String WAIT = "wait";
    static final String WAIT_HELP = "wait for another orgshell writing to this org to end, instead of stopping";

    /** Tries at the typed confirmation before the run is called off. */
    static final int CONFIRM_TRIES = 3;

    private final Console console;
    private final boolean yes;
    /** The operator typed the confirmation: it was the say before the first write, which is not asked again. */
    private boolean confirmed;

    private final PrintWriter out;
    private long total;
    private Progress progress;
    /** Writes answered whose result (read back) has not come yet: counted as done once, when answered. */
    private final Set<Integer> answered = new HashSet<>();
    /** The steps failed so far; a step sent again on "retry failed" leaves it once answered or done. */
    private final Set<Integer> failed = new HashSet<>();

    private final RateGovernor governor;

    /** What a run says is told, not returned: its messages, questions and progress share the console's messages. */
    RunConsole(Console console, boolean yes, long total, RateGovernor governor) {
        this.console = console;
        this.yes = yes;
        this.out = console.messages();
        this.total = total;
        this.governor = governor;
        this.progress = newProgress();
    }

    /**
     * The bar shows the failures so far, the pace the server allows and the 429s so far, beside done/total, rate
     * and ETA. Drawn while the writes go out (each answer counts), so a long run after [a]ll is never silent.
     */
    private Progress newProgress() {
        return console.progress("writing", total)
                .extra(() -> String.format(
                        "%d failed (pace %.0f/s, %d throttled)", failed.size(), governor.rate(), governor.throttled()));
    }

    /**
     * A resumed run learns its size here: the bar counts the steps done before the stop as done. After "retry
     * failed" the retried steps are no longer done.
     */
    @Override
    public synchronized void starting(int steps, int alreadyDone) {
        if (steps != total || alreadyDone != progress.done()) {
            progress.finish();
            total = steps;
            progress = newProgress();
            progress.carry(alreadyDone);
        }
    }

    /**
     * The typed confirmation of a deactivate, delete or remove ("deactivate 137 in Acme"); a script says --yes. A
     * mistyped one is asked again, {@link #CONFIRM_TRIES} times in all; Ctrl-C or Ctrl-D ends it at once. Asked once
     * a run: {@code resume} is a run of its own and asks for what is left.
     */
    @Override
    public void confirmDestructive(String operation, long writes, String orgName) {
        String phrase = operation + " " + writes + " in " + Sanitizer.forTerminal(orgName);
        // an operation nothing reverses says so before the phrase is typed, with the count
        String lasting = Operation.named(operation)
                        .map(op -> OperationHandlers.of(op).inverse() == null)
                        .orElse(false)
                ? "these " + writes + " writes cannot be undone: no undo plan can give back what " + operation
                        + " takes; "
                : Operation.OFFBOARD.cliName().equals(operation)
                        ? "the API tokens among these writes cannot be given back (undo gives back access and groups); "
                        : "";
        if (!console.canAsk()) {
            if (!yes) {
                throw new UserFacingException(
                        operation + " needs --yes in a script (at a terminal it asks you to " + "type '" + phrase
                                + "')",
                        ExitCodes.USAGE);
            }
            return;
        }
        if (confirmed) {
            return;
        }
        for (int tries = 1; tries <= CONFIRM_TRIES; tries++) {
            String typed;
            try {
                typed = console.readInput((tries == 1 ? lasting : "") + "type '" + phrase + "' to go on: ");
            } catch (Exception e) {
                typed = null;
            }
            if (typed == null) {
                break;
            }
            if (sameWords(typed, phrase)) {
                confirmed = true;
                return;
            }
            int left = CONFIRM_TRIES - tries;
            if (left > 0) {
                out.println("that is not '" + phrase + "'; type it as shown (" + left + (left == 1 ? " try" : " tries")
                        + " left)");
                out.flush();
            }
        }
        throw new UserFacingException("not confirmed: nothing was sent", ExitCodes.USAGE);
    }

    /** Case and the spaces between words do not matter: the words and the count do. */
    private static boolean sameWords(String typed, String phrase) {
        return typed.strip().replaceAll("\\s+", " ").equalsIgnoreCase(phrase.replaceAll("\\s+", " "));
    }

    /** A warning the service has before anything is sent (a lock, an unfinished run): printed at once. */
    @Override
    public synchronized void note(String line) {
        progress.finish();
        out.println(console.messageStyles().warn(Sanitizer.forTerminal(line)));
        out.flush();
    }

    /** What the run tells as it goes: drawn on the bar at a terminal, a line a batch in a script. */
    RunListener progress() {
        return this;
    }

    @Override
    public synchronized void answered(int step) {
        failed.remove(step);
        if (answered.add(step)) {
            progress.advance(1);
        }
    }

    @Override
    public synchronized void result(StepResult r) {
        if (r.outcome() == Outcome.FAILED) {
            failed.add(r.step());
        } else {
            failed.remove(r.step());
        }
        if (!answered.remove(r.step())) {
            progress.advance(1);
        }
    }

    /** Nobody watches a bar in a script or a log: a line a batch on the messages' stream (standard error there). */
    @Override
    public synchronized void batchEnded(int batch, int batches) {
        if (console.liveProgress()) {
            return;
        }
        out.println(String.format(
                "batch %d/%d: %,d/%,d writes, %d failed, %.1f writes/s",
                batch, batches, progress.done(), total, failed.size(), progress.rate()));
        out.flush();
    }

    /** The bar is taken down before the run's summary or error is printed. */
    @Override
    public synchronized void ended() {
        progress.finish();
    }

    /** Names the run before anything is checked or sent; a script must have said --yes. */
    @Override
    public void resuming(RunMeta run, String file, long rowsLeft, int batchSize) {
        out.println("resuming run " + run.id() + ": " + run.operation() + " of " + Sanitizer.forTerminal(file)
                + " in " + Sanitizer.forTerminal(run.orgName() == null ? run.orgId() : run.orgName()) + ", "
                + rowsLeft + " of " + run.rows() + (run.rows() == 1 ? " row" : " rows") + " left"
                + (attended() ? ", batches of " + batchSize : ""));
        out.flush();
        if (!yes && !console.canAsk()) {
            throw new UserFacingException(
                    "resume writes without asking in a script: say 'resume " + run.id()
                            + " --yes' (at a terminal it asks first); nothing was sent",
                    ExitCodes.USAGE);
        }
    }

    /** A run that cannot ask writes only when told to: in a script or a pipe, no question means no consent. */
    static void requireConsent(Console console, Boolean yes) {
        if (!Boolean.TRUE.equals(yes) && !console.canAsk()) {
            throw new UserFacingException(
                    "run in a script needs --yes: nothing was written (at a terminal it asks "
                            + "before the first batch)",
                    ExitCodes.USAGE);
        }
    }

    private boolean attended() {
        return !yes && console.canAsk();
    }

    @Override
    public synchronized Decision beforeFirstBatch(String next) {
        long done = progress.done();
        progress.finish();
        if (confirmed) {
            out.println(Sanitizer.forTerminal(next));
            out.flush();
            restartProgress(done);
            return Decision.CONTINUE;
        }
        String prompt = Sanitizer.forTerminal(next) + FIRST_QUESTION;
        Decision decision = null;
        while (decision == null) {
            String a = read(prompt);
            switch (a) { // no default: a stray Enter writes nothing
                case "c" -> decision = Decision.CONTINUE;
                case "a" -> decision = Decision.ALL_REMAINING;
                case "q" -> decision = Decision.QUIT;
                default -> out.println("answer c, a or q");
            }
        }
        restartProgress(done);
        return decision;
    }

    @Override
    public synchronized Decision afterBatch(BatchReport report) {
        long done = progress.done();
        progress.finish();
        Styles s = console.messageStyles();
        out.println(s.bold("batch " + report.batch() + (report.retry() ? " (failed rows again)" : "")) + ": "
                + describe(report.batchCounts(), s) + "  |  run so far: " + describe(report.runCounts(), s));
        out.println(Sanitizer.forTerminal(report.next()));
        Decision decision = ask(report);
        restartProgress(done);
        return decision;
    }

    /** The time spent answering is not writing time: the rate restarts here. */
    private void restartProgress(long done) {
        progress = newProgress();
        progress.carry(done);
    }

    /**
     * The key pressed (at a terminal) or the first letter of the line typed, lower case; "q" when no answer will
     * come (Ctrl-C, Ctrl-D, the end of a script).
     */
    private String read(String prompt) {
        String answer;
        try {
            answer = console.readKey(prompt);
        } catch (Exception e) {
            return "q";
        }
        String a = answer == null ? "q" : answer.strip().toLowerCase(Locale.ROOT);
        return a.isEmpty() ? "" : a.substring(0, 1);
    }

    private Decision ask(BatchReport report) {
        while (true) {
            switch (read(QUESTION)) { // no default: a stray Enter writes nothing
                case "c" -> {
                    return Decision.CONTINUE;
                }
                case "a" -> {
                    return Decision.ALL_REMAINING;
                }
                case "r" -> {
                    if (!report.failures().isEmpty()) {
                        return Decision.RETRY_FAILED;
                    }
                    out.println("no failed rows to retry");
                }
                case "q" -> {
                    return Decision.QUIT;
                }
                case "v" -> {
                    List<String> failures = report.failures();
                    if (failures.isEmpty()) {
                        out.println("no failures so far");
                    }
                    failures.stream().limit(50).forEach(f -> out.println("  " + Sanitizer.forTerminal(f)));
                    if (failures.size() > 50) {
                        out.println("  ... and " + (failures.size() - 50) + " more (see results.csv)");
                    }
                }
                default -> out.println("answer c, a, v, r or q");
            }
        }
    }

    /** The flags as given; a run asks between batches only at a terminal and without --yes. */
    static RunOptions options(
            Console console, Integer batchSize, Integer concurrency, Boolean yes, boolean overrideLimit) {
        if (batchSize != null && batchSize < 1) {
            throw new UsageException("--" + BATCH_SIZE + " must be at least 1");
        }
        if (concurrency != null && (concurrency < 1 || concurrency > RunOptions.MAX_CONCURRENCY)) {
            throw new UsageException("--" + CONCURRENCY + " must be between 1 and " + RunOptions.MAX_CONCURRENCY);
        }
        boolean unattended = Boolean.TRUE.equals(yes) || !console.canAsk();
        return RunOptions.of(batchSize, concurrency, unattended, overrideLimit);
    }

    /** Prints where the run ended; throws (for the exit code) when rows failed or the run stopped early. */
    void finish(RunSummary summary) {
        progress.finish();
        Styles s = console.messageStyles();
        RunMeta m = summary.meta();
        if (summary.tornJournal()) {
            out.println(s.warn("note: the journal's last line was torn by the crash; it was ignored and removed"));
        }
        out.println(s.bold("run " + m.id()) + " (" + m.state().label() + "): " + describe(summary.counts(), s));
        if (summary.unconfirmed() > 0) {
            out.println(s.warn(summary.unconfirmed() + (summary.unconfirmed() == 1 ? " row" : " rows")
                    + " applied, not yet confirmed: the org answered with success but did not show the change yet; "
                    + "resume reads them back again and does not send them again"));
        }
        out.println("results: " + summary.directory().results());
        if (Operation.named(m.operation())
                .map(op -> OperationHandlers.of(op).inverse() != null)
                .orElse(true)) {
            out.println("undo plan: " + summary.directory().undo() + "  (load it with: undo " + m.id() + ")");
        } else {
            out.println("no undo plan: " + m.operation() + " cannot be undone");
        }
        long failed = summary.counts().get(Outcome.FAILED);
        if (m.state() != RunState.FINISHED) {
            out.println("resume with: resume " + m.id());
            out.flush();
            if (m.state() == RunState.INTERRUPTED) {
                throw new UserFacingException("run " + m.id() + " stopped before the end", ExitCodes.INTERRUPTED);
            }
            return;
        }
        out.flush();
        if (failed > 0) {
            throw new UserFacingException(failed + (failed == 1 ? " row" : " rows") + " failed; see "
                    + summary.directory().results());
        }
    }

    /** "applied 3, already done 0, skipped 1, failed 0", then the rows still pending when there are any. */
    static String describe(OutcomeCounts counts, Styles s) {
        StringBuilder sb = new StringBuilder();
        counts.byOutcome().forEach((o, n) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String text = o.label() + " " + n;
            sb.append(o == Outcome.FAILED && n > 0 ? s.error(text) : o == Outcome.APPLIED && n > 0 ? s.ok(text) : text);
        });
        if (counts.pending() > 0) {
            sb.append(", ").append(OutcomeCounts.PENDING).append(' ').append(counts.pending());
        }
        return sb.toString();
    }
}
