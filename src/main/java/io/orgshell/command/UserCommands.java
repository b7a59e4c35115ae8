package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Progress;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.directory.Selection;
import io.orgshell.directory.UserExporter;
import io.orgshell.directory.UserLookup;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code users export}, {@code users show}, {@code users find}. */
@Component
public class UserCommands {

    static final int FIND_LIMIT = 50;

    private final Session session;
    private final UserExporter exporter;
    private final UserLookup lookup;

    public UserCommands(Session session, UserExporter exporter, UserLookup lookup) {
        this.session = session;
        this.exporter = exporter;
        this.lookup = lookup;
    }

    @Command(
            name = {"users", "export"},
            group = "Users",
            availabilityProvider = "connected",
            completionProvider = SelectionOptions.COMPLETION,
            description = "Write the managed accounts (or those a selection names) to a CSV or JSON Lines file")
    public void export(
            @Option(longName = "out", required = true, description = "the file to write ('-': standard output)")
                    String out,
            @Option(
                            longName = "format",
                            description = "csv (default) or json: JSON Lines, one object per account",
                            defaultValue = "csv")
                    String format,
            @Option(longName = "domain", description = SelectionOptions.DOMAIN) String domain,
            @Option(longName = "status", description = SelectionOptions.STATUS) String status,
            @Option(longName = "access", description = SelectionOptions.ACCESS) String access,
            @Option(longName = "group", description = SelectionOptions.GROUP) String group,
            @Option(longName = "managed", description = SelectionOptions.MANAGED) Boolean managed,
            @Option(longName = "unmanaged", description = SelectionOptions.UNMANAGED) Boolean unmanaged,
            @Option(longName = "idp", description = SelectionOptions.IDP) Boolean idp,
            @Option(longName = "no-idp", description = SelectionOptions.NO_IDP) Boolean noIdp,
            @Option(longName = "inactive-since", description = SelectionOptions.INACTIVE_SINCE) String inactiveSince,
            @Option(
                            longName = "columns",
                            description = "the columns to write, comma-separated, in that order (default: all but "
                                    + "access_billable, which costs a second request per page)")
                    String columns,
            @Option(longName = "mfa", description = SelectionOptions.MFA) String mfa,
            @Option(longName = "added-before", description = SelectionOptions.ADDED_BEFORE) String addedBefore,
            CommandContext ctx) {
        Console console = Console.of(ctx);
        List<String> written = columns(columns);
        OutputTarget target = PathArguments.target("--out", out, console.out(), console.outputIsTerminal());
        UserExporter.Format fmt =
                switch (format == null ? "csv" : format.strip().toLowerCase(Locale.ROOT)) {
                    case "csv" -> UserExporter.Format.CSV;
                    case "json" -> UserExporter.Format.JSON;
                    default -> throw new UsageException("--format: unknown format '" + format + "' (use csv or json)");
                };
        Selection selection = SelectionOptions.fromCommandLine(
                ctx,
                Clock.systemUTC(),
                status,
                access,
                group,
                managed,
                unmanaged,
                idp,
                noIdp,
                inactiveSince,
                mfa,
                addedBefore);
        // with the data on standard output, what is said about it goes to standard error
        if (target.isStandardOutput()) {
            console = console.dataOnOut();
        }
        PrintWriter w = console.messages();
        Progress progress = console.progress("exporting", -1);
        UserExporter.Result result;
        try {
            Connection c = session.require();
            result = exporter.export(
                    c.client(), c.directory(), c.cache(), target, selection, fmt, written, new UserExporter.Listener() {
                        @Override
                        public void total(long total) {
                            progress.total(total);
                        }

                        @Override
                        public void exported(int accounts) {
                            progress.advance(accounts);
                        }
                    });
        } finally {
            progress.finish();
        }
        w.println(console.messageStyles().ok("exported ") + String.format("%,d", result.written()) + " accounts"
                + (selection.isEverything() ? "" : String.format(" of %,d", result.seen())) + " to " + target + " ("
                + result.pages() + (result.pages() == 1 ? " page, " : " pages, ")
                + Progress.formatDuration(progress.elapsed()) + ")");
        if (result.outsideTheSlices() > 0) {
            w.println(console.messageStyles().warn("note: ")
                    + String.format("%,d", result.outsideTheSlices())
                    + " managed accounts were in none of the slices (on a domain no longer verified, or changed while"
                    + " they were read); one more walk found them and wrote them last");
        } else if (Boolean.FALSE.equals(result.checked())) {
            w.println(console.messageStyles().warn("note: ")
                    + "the org did not count its managed accounts, so the export could not be checked complete"
                    + " (an account on a domain no longer verified would be missing)");
        }
    }

    /** {@code --columns}: names of {@link UserExporter#COLUMNS}, each once, in the order given. */
    static List<String> columns(String text) {
        if (text == null) {
            return UserExporter.DEFAULT_COLUMNS;
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!UserExporter.COLUMNS.contains(name)) {
                throw new UsageException("--columns: unknown column '" + Sanitizer.forTerminal(part.strip())
                        + "' (columns: " + String.join(", ", UserExporter.COLUMNS) + ")");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(
                    "--columns: name at least one column (columns: " + String.join(", ", UserExporter.COLUMNS) + ")");
        }
        return out;
    }

    @Command(
            name = {"users", "show"},
            group = "Users",
            availabilityProvider = "connected",
            completionProvider = "completion",
            description = "Show one account, by account ID or email")
    public void show(
            @Argument(index = 0, description = "account ID or email") String idOrEmail,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            CommandContext ctx) {
        if (idOrEmail == null || idOrEmail.isBlank()) {
            throw new UsageException("users show needs an account ID or an email");
        }
        Connection c = session.require();
        UserLookup.Details d = lookup.show(c.client(), c.directory(), c.cache(), idOrEmail.strip());
        UserView view = UserView.of(d.account(), d.directoryUser());
        PrintWriter w = ctx.outputWriter();
        if (JsonOutput.wanted(asJson)) {
            JsonOutput.print(w, view);
            return;
        }
        view.lines().forEach(w::println);
    }

    @Command(
            name = {"users", "find"},
            group = "Users",
            availabilityProvider = "connected",
            description = "Find accounts whose name or email contains the text")
    public void find(
            @Argument(index = 0, description = "text to look for") String text,
            @Option(longName = "limit", description = "show at most this many accounts (default " + FIND_LIMIT + ")")
                    Integer limit,
            @Option(longName = "all", description = "show every account found") Boolean all,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            CommandContext ctx) {
        if (text == null || text.isBlank()) {
            throw new UsageException("users find needs some text to look for");
        }
        if (limit != null && Boolean.TRUE.equals(all)) {
            throw new UsageException("users find: say --limit N or --all, not both");
        }
        if (limit != null && limit < 1) {
            throw new UsageException("--limit: give a number of accounts, 1 or more (not " + limit + ")");
        }
        Integer shown = Boolean.TRUE.equals(all) ? null : limit == null ? FIND_LIMIT : limit;
        Connection c = session.require();
        UserLookup.Found found =
                lookup.find(c.directory(), c.cache(), text.strip(), shown == null ? Integer.MAX_VALUE : shown);
        Listing.print(Console.of(ctx), JsonOutput.wanted(asJson), FoundView.of(text.strip(), found, shown));
    }
}
