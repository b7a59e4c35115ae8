package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.Progress;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UserFacingException;
import io.orgshell.directory.Selection;
import io.orgshell.directory.TokenSelection;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;
import io.orgshell.plan.PlanLoader;
import io.orgshell.plan.PlanSession;
import io.orgshell.plan.TokenPlanner;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import io.orgshell.shell.ErrorTranslator;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code plan OP [GROUP] [selection]}: a change file built from the live directory, written, then loaded. */
@Component
public class DirectoryPlanCommands {

    private final Session session;
    private final DirectoryPlanner planner;
    private final PlanLoader loader;
    private final PlanSession plans;
    private final TokenSelection tokens;

    public DirectoryPlanCommands(
            Session session, DirectoryPlanner planner, PlanLoader loader, PlanSession plans, TokenSelection tokens) {
        this.session = session;
        this.planner = planner;
        this.loader = loader;
        this.plans = plans;
        this.tokens = tokens;
    }

    @Command(
            name = "plan",
            group = "Changes",
            availabilityProvider = "connected",
            completionProvider = SelectionOptions.COMPLETION,
            description = "Build a change file from the directory, write it and load it: plan email --from-domain OLD "
                    + "--to-domain NEW, plan suspend|restore|deactivate|enable|delete|remove SELECTION, "
                    + "plan group-add|group-remove GROUP SELECTION, plan access-revoke PRODUCT SELECTION, "
                    + "plan access-grant PRODUCT ROLE SELECTION, plan policy-add POLICY SELECTION, "
                    + "plan token-revoke [SELECTION] [--unused-since D] [--older-than D]")
    public void plan(
            @Argument(index = 0, description = "what the plan does to each selected account") String operation,
            @Argument(
                            index = 1,
                            description = "the group (name or ID) of group-add and group-remove, the product of "
                                    + "access-revoke and access-grant, the policy of policy-add")
                    @Nullable
                    String target,
            @Argument(index = 2, description = "the role access-grant gives (user, admin, ...)") @Nullable String role,
            @Option(
                            longName = "out",
                            description = "the CSV file to write (default: a timestamped file in the "
                                    + "config directory's plans folder; '-': standard output, and that file)")
                    String out,
            @Option(longName = "from-domain", description = "plan email: the domain the accounts move from")
                    String fromDomain,
            @Option(longName = "to-domain", description = "plan email: the verified domain they move to")
                    String toDomain,
            @Option(longName = "lowercase", description = "plan email: lower-case the part before the @")
                    Boolean lowercase,
            @Option(longName = "domain", description = SelectionOptions.DOMAIN) String domain,
            @Option(longName = "status", description = SelectionOptions.STATUS) String status,
            @Option(longName = "access", description = SelectionOptions.ACCESS) String access,
            @Option(longName = "group", description = SelectionOptions.GROUP) String inGroup,
            @Option(longName = "managed", description = SelectionOptions.MANAGED) Boolean managed,
            @Option(longName = "unmanaged", description = SelectionOptions.UNMANAGED) Boolean unmanaged,
            @Option(longName = "idp", description = SelectionOptions.IDP) Boolean idp,
            @Option(longName = "no-idp", description = SelectionOptions.NO_IDP) Boolean noIdp,
            @Option(longName = "inactive-since", description = SelectionOptions.INACTIVE_SINCE) String inactiveSince,
            @Option(longName = "mfa", description = SelectionOptions.MFA) String mfa,
            @Option(longName = "added-before", description = SelectionOptions.ADDED_BEFORE) String addedBefore,
            @Option(longName = "unused-since", description = TokenOptions.UNUSED_SINCE) String unusedSince,
            @Option(longName = "older-than", description = TokenOptions.OLDER_THAN) String olderThan,
            CommandContext ctx) {
        Selection selection = SelectionOptions.fromCommandLine(
                ctx,
                Clock.systemUTC(),
                status,
                access,
                inGroup,
                managed,
                unmanaged,
                idp,
                noIdp,
                inactiveSince,
                mfa,
                addedBefore);
        boolean revokeTokens = Operation.TOKEN_REVOKE
                .cliName()
                .equalsIgnoreCase(String.valueOf(operation).strip());
        TokenSelection.Filter tokenFilter =
                new TokenOptions(unusedSince, null, olderThan).filter(Clock.systemUTC(), !revokeTokens);
        DirectoryPlanner.Request request = revokeTokens
                ? TokenOptions.checkPlan(target, fromDomain, toDomain, lowercase, selection, tokenFilter)
                : new PlanArguments(operation, target, fromDomain, toDomain, lowercase, selection, role).request();
        Operation op = request.operation();
        Console console = Console.of(ctx);
        OutputTarget chosen =
                out == null ? null : PathArguments.target("--out", out, console.out(), console.outputIsTerminal());
        // a stream cannot be read back to load the plan: the plan is kept in the plans folder and sent to it too
        boolean stream = chosen != null && chosen.isStream();
        if (chosen != null && chosen.isStandardOutput()) {
            console = console.dataOnOut();
        }
        var w = console.messages();
        plans.clear(); // whatever happens next, the plan loaded before is no longer the one meant
        try {
            Connection c = session.require();
            Progress progress = console.progress("reading the directory", -1);
            DirectoryPlanner.Draft draft;
            try {
                draft = revokeTokens
                        ? TokenPlanner.draft(
                                tokens.select(c.client(), c.directory(), selection, tokenFilter, progress::advance))
                        : planner.draft(c.client(), c.directory(), request, progress::advance);
            } finally {
                progress.finish();
            }
            String what = revokeTokens ? " API token" : " account";
            w.println("selected " + draft.rows().size() + what + (draft.rows().size() == 1 ? "" : "s") + ": "
                    + Sanitizer.forTerminal(draft.selected()));
            if (!draft.leftOut().isEmpty()) {
                int n = draft.leftOut().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                w.println("left out " + n + (n == 1 ? " account" : " accounts") + " that " + op.cliName()
                        + " would not change: " + DirectoryPlanner.describe(draft.leftOut()));
            }
            Path file = chosen != null && !stream ? chosen.path() : planner.defaultFile(op);
            planner.write(draft, file);
            if (stream) {
                planner.send(draft, chosen);
                w.println(console.messageStyles().ok("sent ") + "the plan to "
                        + Sanitizer.forTerminal(chosen.toString()));
            }
            w.println(console.messageStyles().ok("wrote ") + Sanitizer.forTerminal(file.toString()) + " ("
                    + draft.rows().size() + " rows for '" + op.cliName() + "', readable by you only)");
            PlanLoader.Loaded loaded = loader.load(file, op);
            plans.load(loaded.plan());
            PlanCommands.printLoaded(w, loaded, console.messageStyles());
        } catch (UserFacingException e) {
            // one line, as every error is; it says the plan loaded before is gone
            throw new UserFacingException(ErrorTranslator.message(e) + "; no plan is loaded", e.exitCode());
        }
    }
}
