package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Styles;
import io.orgshell.core.UsageException;
import io.orgshell.plan.PlanSession;
import io.orgshell.session.ConnectRequest;
import io.orgshell.session.Connection;
import io.orgshell.session.Session;
import io.orgshell.session.SessionService;
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
    private final PlanSession plans;

    public SessionCommands(SessionService sessions, Session session, PlanSession plans) {
        this.plans = plans;
        this.sessions = sessions;
        this.session = session;
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
        Console console = Console.of(ctx);
        Connection c = sessions.connect(
                new ConnectRequest(profile, orgId, base, toSandbox),
                console.canAsk() ? prompt -> readSecret(console, prompt) : null);
        Styles s = console.messageStyles();
        console.messages().println(s.ok("connected to ") + StatusView.describe(c.orgName(), c.orgId(), c.sandbox(), s));
    }

    @Command(name = "disconnect", group = "Session", description = "Close the session and forget the key")
    public void disconnect(CommandContext ctx) {
        boolean was = sessions.disconnect();
        Console.of(ctx).messages().println(was ? "disconnected" : "not connected");
    }

    @Command(name = "status", group = "Session", description = "Show the connected organization")
    public void status(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        Console console = Console.of(ctx);
        StatusView view = StatusView.of(
                session.current(),
                session.current().isPresent() ? Optional.empty() : sessions.unattendedTarget(),
                plans.plan()
                        .map(p -> StatusView.plan(
                                p,
                                plans.preview().filter(v -> v.plan() == p).isPresent(),
                                plans.finishedBy().orElse(null)))
                        .orElse(null));
        if (JsonOutput.wanted(asJson)) {
            JsonOutput.print(console.out(), view);
            return;
        }
        String planText = plans.plan().map(p -> p.describe()).orElse(null);
        view.lines(console.styles(), planText).forEach(console.out()::println);
    }

    private static char[] readSecret(Console console, String prompt) {
        try {
            return console.readPassword(prompt);
        } catch (Exception e) {
            throw new UsageException("cannot read the API key: " + e.getMessage());
        }
    }
}
