package io.orgshell.command;

import java.io.IOException;
import java.util.List;

import io.orgshell.api.Domain;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Screen;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.session.Session;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code domains list}. */
@Component
public class DomainCommands {

    private final Session session;
    private final Screen io;
    private final JsonOutput json;

    public DomainCommands(Session session, Screen io, JsonOutput json) {
        this.session = session;
        this.io = io;
        this.json = json;
    }

    @Command(name = {"domains", "list"}, group = "Organization", availabilityProvider = "connected",
            completionProvider = "completion", description = "List the organization's verified domains")
    public void list(
            @Option(longName = "all", description = "include unverified, deleted and superseded domains") Boolean all,
            @Option(longName = "out", description = "also write them to this CSV file") String out,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            CommandContext ctx) throws IOException {
        boolean everything = Boolean.TRUE.equals(all);
        SafeCsvWriter csv = out == null ? null : openCsv(out);
        List<Domain> domains;
        try {
            domains = session.require().client().domains().filter(d -> everything || d.isVerified())
                    .collectList().block();
            if (csv != null) {
                for (Domain d : domains) {
                    csv.row(List.of(nz(d.id()), nz(d.name()), nz(d.status()), nz(d.verificationType())));
                }
                csv.commit();
            }
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        if (JsonOutput.wanted(asJson)) {
            json.print(ctx.outputWriter(), JsonViews.domains(domains));
            if (out != null) {
                json.messages().println("written to " + out);
            }
            return;
        }
        List<List<String>> rows = domains.stream()
                .map(d -> List.of(nz(d.name()), nz(d.status()), nz(d.verificationType()))).toList();
        var w = ctx.outputWriter();
        if (rows.isEmpty()) {
            w.println(everything ? "the organization has no domains" : "the organization has no verified domains");
        } else {
            w.print(io.table(List.of("Domain", "Status", "Verification"), rows));
            w.println(rows.size() + (everything ? " domains" : " verified domains")
                    + (everything ? "" : " (--all shows the others)"));
        }
        if (out != null) {
            w.println("written to " + out);
        }
    }

    private static SafeCsvWriter openCsv(String out) {
        try {
            return SafeCsvWriter.open(PathArguments.output("--out", out), List.of("id", "name", "status",
                    "verification_type"));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
