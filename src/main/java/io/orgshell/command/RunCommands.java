package io.orgshell.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.orgshell.plan.Handlers;
import io.orgshell.plan.Operation;
import io.orgshell.plan.PlanLoader;
import io.orgshell.plan.PlanSession;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunService;
import io.orgshell.run.RunStore;
import io.orgshell.run.RunSummary;
import io.orgshell.session.Session;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import io.orgshell.console.Screen;
import io.orgshell.console.TableRenderer;
import io.orgshell.core.UserFacingException;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code runs list}, {@code runs show}, {@code resume}, {@code undo}. */
@Component
public class RunCommands {

    private final RunStore store;
    private final RunService runs;
    private final Session session;
    private final PlanSession plans;
    private final PlanLoader loader;
    private final PlanCommands planCommands;
    private final Screen io;

    public RunCommands(RunStore store, RunService runs, Session session, PlanSession plans, PlanLoader loader,
                       PlanCommands planCommands, Screen io) {
        this.store = store;
        this.runs = runs;
        this.session = session;
        this.plans = plans;
        this.loader = loader;
        this.planCommands = planCommands;
        this.io = io;
    }

    @Command(name = {"runs", "list"}, group = "Runs", description = "List the runs, newest first")
    public void list(CommandContext ctx) {
        List<RunMeta> all = store.list();
        if (all.isEmpty()) {
            ctx.outputWriter().println("no runs yet (" + store.root() + ")");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunMeta m : all) {
            rows.add(List.of(m.id(), m.operation(), m.orgName() == null ? m.orgId() : m.orgName(), m.state(),
                    String.valueOf(m.rows()), RunConsole.describe(m.counts(), new io.orgshell.console.Styles(false))));
        }
        ctx.outputWriter().print(TableRenderer.render(List.of("Run", "Op", "Org", "State", "Rows", "Outcomes"), rows,
                io.width()));
    }

    @Command(name = {"runs", "show"}, group = "Runs", completionProvider = "completion",
            description = "Show one run: its state, counts, failures and files")
    public void show(@Argument(index = 0, description = "run ID (default: the latest)") String id,
                     CommandContext ctx) throws java.io.IOException {
        RunDirectory dir = blank(id) ? latest(false) : store.open(id);
        RunMeta m = dir.readMeta();
        PrintWriter out = ctx.outputWriter();
        out.println(String.format("%-12s %s", "run", m.id()));
        out.println(String.format("%-12s %s", "operation", m.operation()));
        out.println(String.format("%-12s %s (%s)", "org", Sanitizer.forTerminal(m.orgName()), m.orgId()));
        out.println(String.format("%-12s %s", "source", m.source()));
        out.println(String.format("%-12s %s, last change %s", "created", m.created(), m.updated()));
        out.println(String.format("%-12s %s", "state", m.state()));
        out.println(String.format("%-12s %d rows, %d writes: %s", "outcomes", m.rows(), m.steps(),
                RunConsole.describe(m.counts(), io.styles())));
        out.println(String.format("%-12s %s", "directory", dir.path()));
        if (Files.exists(dir.results())) {
            try (var reader = Files.newBufferedReader(dir.results());
                 var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                         .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                         .setAllowMissingColumnNames(true).get().parse(reader)) {
                List<String> failed = new ArrayList<>();
                for (var rec : parser) {
                    if (failed.size() < 20 && "failed".equals(rec.get("outcome"))) {
                        failed.add(rec.get(0) + "  " + rec.get("reason"));
                    }
                }
                if (!failed.isEmpty()) {
                    out.println("failures (first 20, from results.csv):");
                    failed.forEach(l -> out.println("  " + Sanitizer.forTerminal(l)));
                }
            }
        }
    }

    @Command(name = "resume", group = "Runs", availabilityProvider = "connected", completionProvider = "completion",
            description = "Continue a stopped run (default: the latest unfinished one); never re-sends an applied row")
    public void resume(@Argument(index = 0, description = "run ID") String id,
                       @Option(longName = "batch-size", defaultValue = "50", description = "rows per batch")
                       Integer batchSize,
                       @Option(longName = "yes", description = "do not ask between batches") Boolean yes,
                       @Option(longName = "concurrency", defaultValue = "16", description = "most writes in flight at once")
                       Integer concurrency,
                       CommandContext ctx) {
        RunConsole console = new RunConsole(ctx, io, 0, session.require().client().governor());
        RunSummary summary = runs.resume(blank(id) ? null : id, session.require(), planCommands.options(batchSize, concurrency, yes, true),
                console, console.progress());
        console.finish(summary);
    }

    @Command(name = "undo", group = "Runs", completionProvider = "completion",
            description = "Load the undo plan of a run (default: the latest) for preview")
    public void undo(@Argument(index = 0, description = "run ID") String id, CommandContext ctx) {
        RunDirectory dir = blank(id) ? latest(false) : store.open(id);
        RunMeta m = dir.readMeta();
        Operation inverse = Handlers.of(Operation.fromCli(m.operation())).inverse();
        if (inverse == null) {
            throw new UserFacingException(m.operation() + " cannot be undone (run " + m.id() + ")");
        }
        if (!Files.exists(dir.undo())) {
            throw new UserFacingException("run " + m.id() + " has no undo plan yet");
        }
        PlanLoader.Loaded loaded;
        try {
            loaded = loader.load(dir.undo(), inverse);
        } catch (UserFacingException e) {
            if (e.getMessage().contains("no rows")) {
                ctx.outputWriter().println("nothing to undo: run " + m.id() + " changed no account");
                return;
            }
            throw e;
        }
        plans.load(loaded.plan());
        PlanCommands.printLoaded(ctx.outputWriter(), loaded, io.styles());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private RunDirectory latest(boolean unfinished) {
        String org = session.current().map(c -> c.orgId()).orElse(null);
        return store.latest(org, unfinished).map(m -> store.open(m.id()))
                .orElseThrow(() -> new UserFacingException("no runs yet", ExitCodes.USAGE));
    }
}
