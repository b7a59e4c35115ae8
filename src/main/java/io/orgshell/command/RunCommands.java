package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.plan.PlanLoader;
import io.orgshell.plan.PlanSession;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunJournal;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunOptions;
import io.orgshell.run.RunPruner;
import io.orgshell.run.RunReport;
import io.orgshell.run.RunService;
import io.orgshell.run.RunStanding;
import io.orgshell.run.RunStore;
import io.orgshell.run.RunSummary;
import io.orgshell.run.UndoChoice;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code runs list}, {@code runs show}, {@code resume}, {@code undo}. */
@Component
public class RunCommands {

    static final int SHOWN_FAILURES = 20;

    private final RunStore store;
    private final RunService runs;
    private final Session session;
    private final PlanSession plans;
    private final PlanLoader loader;
    private final RunPruner pruner;

    public RunCommands(
            RunStore store, RunService runs, Session session, PlanSession plans, PlanLoader loader, RunPruner pruner) {
        this.store = store;
        this.pruner = pruner;
        this.runs = runs;
        this.session = session;
        this.plans = plans;
        this.loader = loader;
    }

    @Command(
            name = {"runs", "list"},
            group = "Runs",
            description = "List the runs, newest first")
    public void list(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        Console console = Console.of(ctx);
        if (JsonOutput.wanted(asJson)) {
            console = console.dataOnOut();
        }
        List<RunStore.Entry> all = store.entries();
        // a run that could not be read says so before the listing; the listing still names it
        for (RunStore.Entry e : all) {
            if (e.note() != null) {
                console.messages().println(Sanitizer.forTerminal(e.note()));
            }
        }
        if (all.isEmpty() && !JsonOutput.wanted(asJson)) {
            console.messages().println("no runs yet (" + store.root() + ")");
            return;
        }
        Connection connected = session.current().orElse(null);
        Listing.print(
                console,
                JsonOutput.wanted(asJson),
                RunsView.of(
                        all,
                        e -> e.meta() == null
                                ? RunStanding.damaged()
                                : RunStanding.of(store.open(e.id()), e.meta(), connected)));
    }

    @Command(
            name = {"runs", "prune"},
            group = "Runs",
            completionProvider = "completion",
            description = "Remove run directories: those named, older than an age, finished, or of a sandbox start "
                    + "that is gone; an unfinished run of a reachable org only with --force")
    public void prune(
            @Arguments String[] ids,
            @Option(longName = "older-than", description = "only runs last changed longer ago than this (30d)")
                    String olderThan,
            @Option(longName = "finished", description = "only finished runs") Boolean finished,
            @Option(longName = "gone", description = "only runs of a sandbox start that is gone") Boolean gone,
            @Option(longName = "force", description = "also remove unfinished runs of an org that can be reached")
                    Boolean force,
            CommandContext ctx) {
        Console console = Console.of(ctx);
        RunPruner.Result result = pruner.prune(
                new RunPruner.Choice(
                        ids == null
                                ? List.of()
                                : Arrays.stream(ids).filter(i -> !blank(i)).toList(),
                        olderThan == null ? null : SelectionOptions.since("--older-than", olderThan, Clock.systemUTC()),
                        Boolean.TRUE.equals(finished),
                        Boolean.TRUE.equals(gone),
                        Boolean.TRUE.equals(force)),
                session.current().orElse(null));
        PrintWriter out = console.messages();
        Styles s = console.messageStyles();
        result.removed()
                .forEach(r -> out.println(s.ok("removed ") + r.id() + " (" + Sanitizer.forTerminal(r.what()) + ")"));
        result.kept()
                .forEach(k -> out.println(s.warn("kept ") + k.id() + " (" + Sanitizer.forTerminal(k.what()) + "): "
                        + Sanitizer.forTerminal(k.why())));
        out.println(
                result.removed().isEmpty() && result.kept().isEmpty()
                        ? "no run matches; nothing was removed"
                        : "removed " + result.removed().size() + ", kept "
                                + result.kept().size() + " (" + store.root() + ")");
    }

    @Command(
            name = {"runs", "show"},
            group = "Runs",
            completionProvider = "completion",
            description = "Show one run: its state, counts, failures and files")
    public void show(
            @Argument(index = 0, description = "run ID (default: the latest)") @Nullable String id,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            CommandContext ctx)
            throws IOException {
        Console console = Console.of(ctx);
        if (JsonOutput.wanted(asJson)) {
            console = console.dataOnOut();
        }
        Connection connected = session.current().orElse(null);
        RunDirectory dir = store.openOrLatest(id, connected);
        store.bringUpToDate(dir, false).ifPresent(console.messages()::println);
        RunMeta m = dir.readMeta();
        int unconfirmed =
                m.unfinished() ? RunJournal.replay(dir.journal()).answered().size() : 0;
        RunView view = RunView.of(
                m,
                dir,
                RunReport.failures(dir, SHOWN_FAILURES),
                unconfirmed,
                connected != null && !m.madeAgainst(connected));
        if (JsonOutput.wanted(asJson)) {
            JsonOutput.print(console.out(), view);
            return;
        }
        view.lines(console.styles(), SHOWN_FAILURES).forEach(console.out()::println);
    }

    @Command(
            name = "resume",
            group = "Runs",
            availabilityProvider = "connected",
            completionProvider = "completion",
            description = "Continue a stopped run of this org (default: the latest unfinished one); names it and asks "
                    + "first; never re-sends an applied row")
    public void resume(
            @Argument(index = 0, description = "run ID (default: the latest unfinished one)") @Nullable String id,
            @Option(
                            longName = RunConsole.BATCH_SIZE,
                            description = RunConsole.BATCH_SIZE_HELP + " (default: the run's own)")
                    Integer batchSize,
            @Option(longName = RunConsole.YES, description = RunConsole.YES_HELP) Boolean yes,
            @Option(
                            longName = RunConsole.CONCURRENCY,
                            description = RunConsole.CONCURRENCY_HELP,
                            defaultValue = RunOptions.DEFAULT_CONCURRENCY)
                    Integer concurrency,
            @Option(longName = RunConsole.OVERRIDE_LIMIT, description = RunConsole.OVERRIDE_LIMIT_HELP)
                    Boolean overrideLimit,
            @Option(longName = RunConsole.WAIT, description = RunConsole.WAIT_HELP) Boolean wait,
            CommandContext ctx) {
        RunConsole console = new RunConsole(
                Console.of(ctx),
                Boolean.TRUE.equals(yes),
                0,
                session.require().client().governor());
        RunSummary summary = runs.resume(
                blank(id) ? null : id,
                session.require(),
                RunConsole.options(Console.of(ctx), batchSize, concurrency, yes, Boolean.TRUE.equals(overrideLimit))
                        .waitingForWriter(Boolean.TRUE.equals(wait)),
                console,
                console.progress());
        console.finish(summary);
    }

    @Command(
            name = "undo",
            group = "Runs",
            availabilityProvider = "connected",
            completionProvider = "completion",
            description = "Load the undo plan of a run of this org (default: the latest) for preview")
    public void undo(
            @Argument(index = 0, description = "run ID (default: the latest)") @Nullable String id,
            @Option(longName = "batch", description = "only the rows of this batch of the run (numbered from 1)")
                    Integer batch,
            @Option(longName = "lines", description = "only the rows at these lines of the run's plan: 4-10,15")
                    String lines,
            @Option(
                            longName = "accounts",
                            description = "only these accounts: IDs or emails, comma-separated, or a file of them "
                                    + "(one a line)")
                    String accounts,
            CommandContext ctx) {
        Console console = Console.of(ctx);
        UndoChoice choice = UndoChoices.of(batch, lines, accounts);
        Connection connection = session.require();
        RunDirectory dir = store.openOrLatest(id, connection);
        Optional<RunService.UndoPlan> undo = runs.undoPlan(
                dir, connection, choice, note -> console.messages().println(Sanitizer.forTerminal(note)));
        if (undo.isEmpty()) {
            console.messages().println("nothing to undo: run " + dir.id() + " changed no account");
            return;
        }
        PlanLoader.Loaded loaded = loader.load(undo.get().file(), undo.get().operation());
        plans.load(loaded.plan());
        PlanCommands.printLoaded(console.messages(), loaded, console.messageStyles());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
