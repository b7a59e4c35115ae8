package io.orgshell.command;

import io.orgshell.api.Org;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Screen;
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
    private final Screen io;
    private final JsonOutput json;

    public OrgCommands(Session session, Screen io, JsonOutput json) {
        this.session = session;
        this.io = io;
        this.json = json;
    }

    @Command(
            name = {"orgs", "list"},
            group = "Organization",
            availabilityProvider = "connected",
            description = "List the organizations this key can see (a scoped key sees none)")
    public void list(
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson, CommandContext ctx) {
        List<Org> orgs = session.require().client().organizations().orgs();
        if (JsonOutput.wanted(asJson)) {
            json.print(ctx.outputWriter(), JsonViews.orgs(orgs));
            return;
        }
        if (orgs == null || orgs.isEmpty()) {
            ctx.outputWriter().println("no organizations visible to this key (keys scoped to one org list none)");
            return;
        }
        List<List<String>> rows = orgs.stream()
                .map(o -> List.of(o.id(), o.name() == null ? "" : o.name()))
                .toList();
        ctx.outputWriter().print(io.table(List.of("ID", "Name"), rows));
        ctx.outputWriter().println(orgs.size() + (orgs.size() == 1 ? " organization" : " organizations"));
    }
}
