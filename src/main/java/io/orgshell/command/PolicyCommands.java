package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.session.Session;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code policies list}. */
@Component
public class PolicyCommands {

    private final Session session;

    public PolicyCommands(Session session) {
        this.session = session;
    }

    @Command(
            name = {"policies", "list"},
            group = "Organization",
            availabilityProvider = "connected",
            description = "List the organization's authentication policies")
    public void list(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        var policies = session.require().client().policies().policies();
        Listing.print(Console.of(ctx), JsonOutput.wanted(asJson), PoliciesView.of(policies));
    }
}
