package io.orgshell.command;

import io.orgshell.console.JsonOutput;
import io.orgshell.console.Screen;
import io.orgshell.console.Styles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.plan.PlanSession;
import io.orgshell.session.ConnectRequest;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import io.orgshell.session.SessionService;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code connect}, {@code disconnect}, {@code status}. */
@Component
public class SessionCommands {

    private final SessionService sessions;
    private final Session session;
    private final Screen io;
    private final PlanSession plans;
    private final JsonOutput json;

    public SessionCommands(SessionService sessions, Session session, Screen io, PlanSession plans, JsonOutput json) {
        this.plans = plans;
        this.json = json;
        this.sessions = sessions;
        this.session = session;
        this.io = io;
    }

    @Command(
            name = "connect",
            group = "Session",
            completionProvider = "completion",
            description = "Connect to an organization (key from ORGSHELL_API_KEY, a profile, or a masked prompt)")
    public void connect(
            @Option(longName = "profile", description = "a profile of the config file") String profile,
            @Option(longName = "org-id", description = "the organization ID") String orgId,
            @Option(longName = "base-url", description = "API base URL (default https://api.atlassian.com)")
                    String baseUrl,
            @Option(longName = "sandbox", description = "start and connect to the embedded sandbox org")
                    Boolean sandbox,
            CommandContext ctx) {
        URI base = null;
        if (baseUrl != null) {
            try {
                base = URI.create(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--base-url: not a URL: " + baseUrl);
            }
        }
        boolean toSandbox = Boolean.TRUE.equals(sandbox);
        Connection c = sessions.connect(
                new ConnectRequest(profile, orgId, base, toSandbox),
                io.mode().isInteractive() ? prompt -> readSecret(ctx, prompt) : null);
        ctx.outputWriter().println(io.styles().ok("connected to ") + describe(c, io.styles()));
    }

    @Command(name = "disconnect", group = "Session", description = "Close the session and forget the key")
    public void disconnect(CommandContext ctx) {
        boolean was = sessions.disconnect();
        ctx.outputWriter().println(was ? "disconnected" : "not connected");
    }

    @Command(name = "status", group = "Session", description = "Show the connected organization")
    public void status(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        if (JsonOutput.wanted(asJson)) {
            json.print(
                    out,
                    JsonViews.status(
                            session.current(),
                            session.current().isPresent() ? Optional.empty() : sessions.unattendedTarget(),
                            plans.plan()
                                    .map(p -> JsonViews.plan(
                                            p,
                                            plans.preview()
                                                    .filter(v -> v.plan() == p)
                                                    .isPresent(),
                                            plans.finishedBy().orElse(null)))
                                    .orElse(null)));
            return;
        }
        Styles s = io.styles();
        session.current()
                .ifPresentOrElse(
                        c -> {
                            out.println(String.format("%-14s %s", "organization", describe(c, s)));
                            out.println(String.format("%-14s %s", "base URL", c.baseUrl()));
                            out.println(
                                    String.format("%-14s %s", "API key", c.key().fingerprint()));
                            if (c.profile() != null) {
                                out.println(String.format("%-14s %s", "profile", c.profile()));
                            }
                            if (c.callerAccountId() != null) {
                                out.println(String.format("%-14s %s", "your account", c.callerAccountId()));
                            }
                        },
                        () -> {
                            out.println("not connected (run 'connect', or start with --sandbox)");
                            sessions.unattendedTarget()
                                    .ifPresent(t -> out.println(
                                            String.format("%-14s %s", "would connect to", Sanitizer.forTerminal(t))));
                        });
        out.println(String.format(
                "%-14s %s",
                "plan",
                plans.plan()
                        .map(p -> Sanitizer.forTerminal(p.describe())
                                + (plans.finishedBy().isPresent()
                                        ? ", finished by run "
                                                + plans.finishedBy().get()
                                        : plans.preview()
                                                        .filter(v -> v.plan() == p)
                                                        .isPresent()
                                                ? ", previewed"
                                                : ", not previewed yet"))
                        .orElse("none loaded")));
    }

    static String describe(Connection c, Styles s) {
        return s.bold(Sanitizer.forTerminal(c.orgName())) + " (" + c.orgId() + ")"
                + (c.sandbox() ? " " + s.sandbox("[SANDBOX]") : "");
    }

    private static char[] readSecret(CommandContext ctx, String prompt) {
        try {
            return ctx.inputReader().readPassword(prompt);
        } catch (Exception e) {
            throw new UsageException("cannot read the API key: " + e.getMessage());
        }
    }
}
