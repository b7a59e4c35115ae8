package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Progress;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.directory.Selection;
import io.orgshell.directory.TokenSelection;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.time.Clock;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code tokens list}: the org's API tokens, for a clean-up ({@code plan token-revoke} takes the same options). */
@Component
public class TokenCommands {

    private final Session session;
    private final TokenSelection tokens;

    public TokenCommands(Session session, TokenSelection tokens) {
        this.session = session;
        this.tokens = tokens;
    }

    @Command(
            name = {"tokens", "list"},
            group = "Users",
            availabilityProvider = "connected",
            completionProvider = SelectionOptions.COMPLETION,
            description = "List the API tokens of the org's managed accounts (or those a selection names)")
    public void list(
            @Option(longName = "unused-since", description = TokenOptions.UNUSED_SINCE) String unusedSince,
            @Option(longName = "created-before", description = TokenOptions.CREATED_BEFORE) String createdBefore,
            @Option(longName = "older-than", description = TokenOptions.OLDER_THAN) String olderThan,
            @Option(longName = "out", description = "also write them to this CSV file") String out,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            @Option(longName = "domain", description = SelectionOptions.DOMAIN) String domain,
            @Option(longName = "status", description = SelectionOptions.STATUS) String status,
            @Option(longName = "access", description = SelectionOptions.ACCESS) String access,
            @Option(longName = "group", description = SelectionOptions.GROUP) String group,
            @Option(longName = "managed", description = SelectionOptions.MANAGED) Boolean managed,
            @Option(longName = "unmanaged", description = SelectionOptions.UNMANAGED) Boolean unmanaged,
            @Option(longName = "idp", description = SelectionOptions.IDP) Boolean idp,
            @Option(longName = "no-idp", description = SelectionOptions.NO_IDP) Boolean noIdp,
            @Option(longName = "inactive-since", description = SelectionOptions.INACTIVE_SINCE) String inactiveSince,
            @Option(longName = "mfa", description = SelectionOptions.MFA) String mfa,
            @Option(longName = "added-before", description = SelectionOptions.ADDED_BEFORE) String addedBefore,
            CommandContext ctx)
            throws IOException {
        Clock clock = Clock.systemUTC();
        Selection selection = SelectionOptions.fromCommandLine(
                ctx, clock, status, access, group, managed, unmanaged, idp, noIdp, inactiveSince, mfa, addedBefore);
        TokenSelection.Filter filter = new TokenOptions(unusedSince, createdBefore, olderThan).filter(clock, false);
        boolean json = JsonOutput.wanted(asJson);
        Console console = json ? Console.of(ctx).dataOnOut() : Console.of(ctx);
        if ("-".equals(out)) {
            throw new UsageException("--out takes a file here; the listing itself is on standard output");
        }
        // the file is opened before the org is asked: one that cannot be written costs no request
        OutputTarget file = out == null ? null : OutputTarget.file(PathArguments.output("--out", out));
        SafeCsvWriter csv = file == null ? null : open(file);
        TokensView view;
        try {
            Connection c = session.require();
            Progress progress = console.progress("reading the tokens", -1);
            try {
                view = TokensView.of(
                        tokens.select(c.client(), c.directory(), selection, filter, progress::advance),
                        selection.isEverything() && filter.isEverything());
            } finally {
                progress.finish();
            }
            if (csv != null) {
                for (TokensView.Entry e : view.tokens()) {
                    csv.row(e.csv());
                }
                csv.commit();
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage());
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        Listing.print(console, json, view);
        if (file != null) {
            console.messages().println("written to " + out);
        }
    }

    private static SafeCsvWriter open(OutputTarget out) {
        try {
            return SafeCsvWriter.open(out.open(), TokensView.CSV_HEADER);
        } catch (IOException | InvalidPathException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage());
        }
    }
}
