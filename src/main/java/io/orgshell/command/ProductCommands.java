package io.orgshell.command;

import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.session.Session;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code products list}. */
@Component
public class ProductCommands {

    private final Session session;

    public ProductCommands(Session session) {
        this.session = session;
    }

    @Command(
            name = {"products", "list"},
            group = "Organization",
            availabilityProvider = "connected",
            description = "List the organization's sites and products with their resource IDs")
    public void list(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        var workspaces = session.require().client().workspaces().workspaces();
        Listing.print(Console.of(ctx), JsonOutput.wanted(asJson), ProductsView.of(workspaces));
    }
}
