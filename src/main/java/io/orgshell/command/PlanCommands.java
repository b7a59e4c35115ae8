package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Progress;
import io.orgshell.console.Styles;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.CsvIssue;
import io.orgshell.plan.Operation;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanLoader;
import io.orgshell.plan.PlanSession;
import io.orgshell.plan.Preview;
import io.orgshell.plan.PreviewOptions;
import io.orgshell.plan.PreviewRowsFile;
import io.orgshell.plan.PreviewService;
import io.orgshell.plan.Verdict;
import io.orgshell.run.RunOptions;
import io.orgshell.run.RunService;
import io.orgshell.run.RunState;
import io.orgshell.run.RunSummary;
import io.orgshell.session.Connection;
import io.orgshell.session.ConnectionChanged;
import io.orgshell.session.Session;
import io.orgshell.shell.ErrorTranslator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code load}, {@code preview}, {@code run}: the plan pipeline. */
@Component
public class PlanCommands {

    static final int SHOWN_PROBLEMS = 20;

    private final Session session;
    private final PlanSession plans;
    private final PreviewService previews;
    private final PlanLoader loader;
    private final RunService runs;

    public PlanCommands(
            Session session, PlanSession plans, PreviewService previews, PlanLoader loader, RunService runs) {
        this.session = session;
        this.plans = plans;
        this.previews = previews;
        this.loader = loader;
        this.runs = runs;
    }

    /** A preview describes the org it was made against; after {@code connect} or {@code disconnect} it is redone. */
    @EventListener
    public void connectionChanged(ConnectionChanged changed) {
        plans.forgetPreview();
    }

    @Command(
            name = "load",
            group = "Changes",
            completionProvider = "completion",
            description = "Load a CSV of changes (repairs a BOM, trailing commas, spaces; reports problems by line)")
    public void load(
            @Argument(index = 0, description = "the CSV file") String file,
            @Option(longName = "op", description = "the operation", defaultValue = "email") String op,
            @Option(longName = "deactivate", description = "offboard: deactivate the accounts instead of suspending")
                    Boolean deactivate,
            @Option(longName = "keep-groups", description = "offboard: leave the accounts in their groups")
                    Boolean keepGroups,
            CommandContext ctx) {
        if (file == null || file.isBlank()) {
            throw new UsageException("load needs a CSV file");
        }
        Operation operation = Operation.fromCli(op == null ? "email" : op);
        boolean offboardOptions = Boolean.TRUE.equals(deactivate) || Boolean.TRUE.equals(keepGroups);
        if (offboardOptions && operation != Operation.OFFBOARD) {
            throw new UsageException("--deactivate and --keep-groups are options of 'load --op offboard'");
        }
        Path path = PathArguments.input("load", file);
        plans.clear(); // whatever happens next, the plan loaded before is no longer the one meant
        PlanLoader.Loaded loaded;
        try {
            loaded = PlanLoader.offboarding(
                    loader.load(path, operation), Boolean.TRUE.equals(deactivate), Boolean.TRUE.equals(keepGroups));
        } catch (UserFacingException e) {
            throw new UserFacingException(ErrorTranslator.message(e) + "\nno plan is loaded", e.exitCode());
        }
        plans.load(loaded.plan());
        Console console = Console.of(ctx);
        printLoaded(console.messages(), loaded, console.messageStyles());
    }

    static void printLoaded(PrintWriter out, PlanLoader.Loaded loaded, Styles s) {
        Plan plan = loaded.plan();
        long invalid = plan.invalidCount();
        long conflicting = plan.rows().stream().filter(r -> r.isConflicting()).count();
        out.println(s.ok("loaded ") + plan.source() + ": " + plan.size() + (plan.size() == 1 ? " row" : " rows")
                + " for '" + plan.operation().cliName() + "'"
                + (invalid + conflicting == 0
                        ? ""
                        : " (" + invalid + " invalid, " + conflicting + " contradicting another row)"));
        for (CsvIssue repair : plan.repairs()) {
            out.println("  repaired: " + Sanitizer.forTerminal(repair.message()));
        }
        if (!loaded.unusedColumns().isEmpty()) {
            out.println("  kept, not used: " + Sanitizer.forTerminal(String.join(", ", loaded.unusedColumns()))
                    + " (repeated in results.csv)");
        }
        List<String> problems = new ArrayList<>();
        loaded.problems().forEach(p -> problems.add(plan.source() + ":" + p.line() + ": " + p.message()));
        plan.rows().stream()
                .filter(r -> r.isConflicting())
                .forEach(r -> problems.add(plan.source() + ":" + r.line() + ": " + r.conflictReason()));
        problems.stream()
                .limit(SHOWN_PROBLEMS)
                .forEach(p -> out.println("  " + s.warn("problem: ") + Sanitizer.forTerminal(p)));
        if (problems.size() > SHOWN_PROBLEMS) {
            out.println("  ... and " + (problems.size() - SHOWN_PROBLEMS) + " more problems (preview lists every row)");
        }
        out.println("next: preview");
    }

    @Command(
            name = "preview",
            group = "Changes",
            availabilityProvider = "connected",
            description = "Check the loaded plan against the live org: OK / ALREADY DONE / BLOCKED / INVALID")
    public void preview(
            @Option(longName = "server-check", description = "also ask the server about each account's permissions")
                    Boolean serverCheck,
            @Option(longName = "allow-admins", description = "let org admins' accounts be changed") Boolean allowAdmins,
            @Option(longName = "all", description = "list every row, not only those that will not run") Boolean all,
            @Option(longName = "only", description = PreviewChoice.HELP) String only,
            @Option(
                            longName = "out",
                            description = "write the rows listed (--only's, or those that will not run) to a change "
                                    + "file to fix and load again")
                    String out,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            CommandContext ctx) {
        Plan plan = plans.plan()
                .orElseThrow(() -> new UserFacingException("no plan loaded (run 'load FILE' first)", ExitCodes.USAGE));
        Set<Verdict> chosen = PreviewChoice.verdicts(only);
        Path outFile = out == null ? null : PathArguments.output("--out", out);
        Connection c = session.require();
        Console console = JsonOutput.wanted(asJson) ? Console.of(ctx).dataOnOut() : Console.of(ctx);
        PrintWriter messages = console.messages();
        messages.println("preview of " + Sanitizer.forTerminal(plan.describe()));
        Progress progress = console.progress("reading the directory", -1);
        Preview preview;
        try {
            PreviewOptions options = new PreviewOptions(
                    Boolean.TRUE.equals(serverCheck), Boolean.TRUE.equals(allowAdmins), c.callerAccountId());
            preview = previews.preview(plan, c.client(), c.directory(), options, n -> progress.advance(n));
        } finally {
            progress.finish();
        }
        if (preview.lookup() != null) {
            messages.println(preview.lookup());
        }
        PreviewView view = PreviewView.of(
                preview,
                plans.finishedBy().orElse(null),
                runs.limitBreach(preview, c.orgName())
                        .map(what -> "run will refuse to " + what + " unless given --override-limit")
                        .orElse(null),
                Boolean.TRUE.equals(all),
                chosen);
        Listing.print(console, JsonOutput.wanted(asJson), view);
        if (outFile != null) {
            Set<Verdict> written = chosen != null ? chosen : PreviewChoice.NOT_RUN;
            int n = PreviewRowsFile.write(preview, written, outFile);
            messages.println(console.messageStyles().ok("wrote ") + n + (n == 1 ? " row" : " rows") + " ("
                    + PreviewChoice.describe(written) + ") to " + Sanitizer.forTerminal(outFile.toString())
                    + " with preview_verdict and preview_reason columns; fix them, then 'load "
                    + Sanitizer.forTerminal(outFile.toString()) + " --op "
                    + plan.operation().cliName() + "'");
        }
    }

    @Command(
            name = "run",
            group = "Changes",
            availabilityProvider = "connected",
            description = "Apply the rows preview marked OK, in confirmed batches")
    public void run(
            @Option(
                            longName = RunConsole.BATCH_SIZE,
                            description = RunConsole.BATCH_SIZE_HELP,
                            defaultValue = RunOptions.DEFAULT_BATCH_SIZE)
                    Integer batchSize,
            @Option(longName = RunConsole.YES, description = RunConsole.YES_HELP) Boolean yes,
            @Option(
                            longName = RunConsole.CONCURRENCY,
                            description = RunConsole.CONCURRENCY_HELP,
                            defaultValue = RunOptions.DEFAULT_CONCURRENCY)
                    Integer concurrency,
            @Option(longName = RunConsole.OVERRIDE_LIMIT, description = RunConsole.OVERRIDE_LIMIT_HELP)
                    Boolean overrideLimit,
            @Option(longName = "again", description = "run a plan that a run has finished once more") Boolean again,
            @Option(longName = RunConsole.WAIT, description = RunConsole.WAIT_HELP) Boolean wait,
            CommandContext ctx) {
        if (plans.plan().isEmpty()) {
            throw new UserFacingException("no plan is loaded (run 'load FILE', then 'preview')", ExitCodes.USAGE);
        }
        Preview preview = plans.preview()
                .filter(p -> plans.plan().map(pl -> pl == p.plan()).orElse(false))
                .orElseThrow(() -> new UserFacingException(
                        plans.previewForgotten()
                                ? "the plan was previewed through an earlier connection, not the one open now: run 'preview' "
                                        + "again (nothing is sent that was not previewed against this org)"
                                : "the loaded plan has not been previewed (run 'preview' first: nothing is sent that was not "
                                        + "previewed)",
                        ExitCodes.USAGE));
        if (plans.finishedBy().isPresent() && !Boolean.TRUE.equals(again)) {
            throw new UserFacingException(
                    "run " + plans.finishedBy().get() + " already finished this plan ("
                            + preview.plan().describe() + "); load it again, or say 'run --again'",
                    ExitCodes.USAGE);
        }
        Console screen = Console.of(ctx);
        screen.messages()
                .println("run of " + Sanitizer.forTerminal(preview.plan().describe()) + " in "
                        + Sanitizer.forTerminal(session.require().orgName()));
        if (preview.steps().isEmpty()) {
            screen.messages().println("nothing to run: preview marked no row OK");
            return;
        }
        RunOptions options = RunConsole.options(screen, batchSize, concurrency, yes, Boolean.TRUE.equals(overrideLimit))
                .waitingForWriter(Boolean.TRUE.equals(wait));
        RunConsole console = new RunConsole(
                screen,
                Boolean.TRUE.equals(yes),
                preview.steps().size(),
                session.require().client().governor());
        RunConsole.requireConsent(screen, yes);
        RunSummary summary = runs.start(preview, session.require(), options, console, console.progress());
        if (summary.meta().state() == RunState.FINISHED) {
            plans.finished(preview.plan(), summary.meta().id());
        }
        console.finish(summary);
    }
}
