package io.orgshell.command;

import io.orgshell.console.JsonOutput;
import io.orgshell.console.Screen;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.plan.PlanLoader;
import io.orgshell.plan.PlanSession;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunJournal;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunOptions;
import io.orgshell.run.RunReport;
import io.orgshell.run.RunService;
import io.orgshell.run.RunStore;
import io.orgshell.run.RunSummary;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
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
    private final Screen io;
    private final JsonOutput json;

    public RunCommands(
            RunStore store,
            RunService runs,
            Session session,
            PlanSession plans,
            PlanLoader loader,
            Screen io,
            JsonOutput json) {
        this.json = json;
        this.store = store;
        this.runs = runs;
        this.session = session;
        this.plans = plans;
        this.loader = loader;
        this.io = io;
    }

    @Command(
            name = {"runs", "list"},
            group = "Runs",
            description = "List the runs, newest first")
    public void list(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        List<RunStore.Entry> all = store.entries();
        if (JsonOutput.wanted(asJson)) {
            all.stream()
                    .filter(e -> e.note() != null)
                    .forEach(e -> json.messages().println(Sanitizer.forTerminal(e.note())));
            json.print(ctx.outputWriter(), JsonViews.runs(all));
            return;
        }
        if (all.isEmpty()) {
            ctx.outputWriter().println("no runs yet (" + store.root() + ")");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RunStore.Entry e : all) {
            if (e.note() != null) {
                ctx.outputWriter().println(Sanitizer.forTerminal(e.note()));
            }
            RunMeta m = e.meta();
            rows.add(
                    m == null
                            ? List.of(e.id(), "", "", "damaged", "", Sanitizer.forTerminal(e.damage()))
                            : List.of(
                                    m.id(),
                                    m.operation(),
                                    orgColumn(m),
                                    m.state().label(),
                                    String.valueOf(m.rows()),
                                    RunConsole.describe(m.counts(), new Styles(false))));
        }
        ctx.outputWriter().print(io.table(List.of("Run", "Op", "Org", "State", "Rows", "Outcomes"), rows));
    }

    /** The org's name; a sandbox run adds its sandbox start, since every sandbox of one seed has the same name. */
    private static String orgColumn(RunMeta m) {
        String name = Sanitizer.forTerminal(m.orgName() == null ? m.orgId() : m.orgName());
        return m.sandboxInstance() == null
                ? name
                : name + " [sandbox " + RunMeta.shortInstance(m.sandboxInstance()) + "]";
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
        Connection connected = session.current().orElse(null);
        RunDirectory dir = store.openOrLatest(id, connected);
        PrintWriter out = ctx.outputWriter();
        store.bringUpToDate(dir, false).ifPresent(JsonOutput.wanted(asJson) ? json.messages()::println : out::println);
        RunMeta m = dir.readMeta();
        int unconfirmed =
                m.unfinished() ? RunJournal.replay(dir.journal()).answered().size() : 0;
        if (JsonOutput.wanted(asJson)) {
            json.print(out, JsonViews.run(m, dir, RunReport.failures(dir, SHOWN_FAILURES), unconfirmed));
            return;
        }
        out.println(String.format("%-12s %s", "run", m.id()));
        out.println(String.format("%-12s %s", "operation", m.operation()));
        out.println(String.format("%-12s %s", "org", m.org()));
        if (connected != null && !m.madeAgainst(connected)) {
            out.println(String.format("%-12s %s", "", "not the connected org: resume and undo refuse it here"));
        }
        out.println(String.format("%-12s %s", "source", m.source()));
        out.println(String.format("%-12s %s, last change %s", "created", m.created(), m.updated()));
        out.println(String.format("%-12s %s", "state", m.state().label()));
        out.println(String.format(
                "%-12s %d rows, %d writes: %s",
                "outcomes", m.rows(), m.steps(), RunConsole.describe(m.counts(), io.styles())));
        if (unconfirmed > 0) {
            out.println(String.format(
                    "%-12s %d writes applied, not yet confirmed: the org did not show them yet; "
                            + "resume reads them back and does not send them again",
                    "", unconfirmed));
        }
        out.println(String.format("%-12s %s", "directory", dir.path()));
        List<String> failed = RunReport.failures(dir, SHOWN_FAILURES);
        if (!failed.isEmpty()) {
            out.println("failures (first " + SHOWN_FAILURES + ", from results.csv):");
            failed.forEach(l -> out.println("  " + Sanitizer.forTerminal(l)));
        }
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
                ctx, io, Boolean.TRUE.equals(yes), 0, session.require().client().governor());
        RunSummary summary = runs.resume(
                blank(id) ? null : id,
                session.require(),
                RunConsole.options(io, batchSize, concurrency, yes, Boolean.TRUE.equals(overrideLimit))
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
            CommandContext ctx) {
        Connection connection = session.require();
        RunDirectory dir = store.openOrLatest(id, connection);
        Optional<RunService.UndoPlan> undo =
                runs.undoPlan(dir, connection, note -> ctx.outputWriter().println(note));
        if (undo.isEmpty()) {
            ctx.outputWriter().println("nothing to undo: run " + dir.id() + " changed no account");
            return;
        }
        PlanLoader.Loaded loaded = loader.load(undo.get().file(), undo.get().operation());
        plans.load(loaded.plan());
        PlanCommands.printLoaded(ctx.outputWriter(), loaded, io.styles());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
