package io.orgshell.command;

import io.orgshell.api.Org;
import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
import io.orgshell.session.Session;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code orgs list}. */
@Component
public class OrgCommands {

    private final Session session;

    public OrgCommands(Session session) {
        this.session = session;
    }

    @Command(
            name = {"orgs", "list"},
            group = "Organization",
            availabilityProvider = "connected",
            description = "List the organizations this key can see (a scoped key sees none)")
    public void list(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        List<Org> orgs = session.require().client().organizations().orgs();
        Listing.print(Console.of(ctx), JsonOutput.wanted(asJson), OrgsView.of(orgs));
    }
}
