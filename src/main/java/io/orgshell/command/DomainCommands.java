package io.orgshell.command;

import io.orgshell.api.Domain;
import io.orgshell.console.JsonOutput;
import io.orgshell.console.Screen;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.session.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

/** {@code domains list}. */
@Component
public class DomainCommands {

    /** {@code --out -}: the CSV to standard output, as Unix tools take {@code -}. */
    static final String STANDARD_OUTPUT = OutputTarget.STANDARD_OUTPUT;

    static final List<String> HEADER = List.of("id", "name", "status", "verification_type");

    private final Session session;
    private final Screen io;
    private final JsonOutput json;

    public DomainCommands(Session session, Screen io, JsonOutput json) {
        this.session = session;
        this.io = io;
        this.json = json;
    }

    @Command(
            name = {"domains", "list"},
            group = "Organization",
            availabilityProvider = "connected",
            completionProvider = "completion",
            description = "List the organization's verified domains")
    public void list(
            @Option(longName = "all", description = "include unverified, deleted and superseded domains") Boolean all,
            @Option(
                            longName = "out",
                            description = "also write them to this CSV file ('-': standard output, "
                                    + "instead of the table)")
                    String out,
            @Option(longName = JsonOutput.OPTION, description = JsonOutput.HELP) Boolean asJson,
            CommandContext ctx)
            throws IOException {
        boolean everything = Boolean.TRUE.equals(all);
        boolean toStandardOutput = STANDARD_OUTPUT.equals(out);
        if (toStandardOutput && JsonOutput.wanted(asJson)) {
            throw new UsageException("--json and --out - both write to standard output: choose one");
        }
        OutputTarget file =
                out == null || toStandardOutput ? null : OutputTarget.file(PathArguments.output("--out", out));
        boolean hadAFile = file != null && file.holdsAFile();
        SafeCsvWriter csv = file == null ? null : openCsv(file);
        List<Domain> domains;
        try {
            domains = session.require().client().organizations().domains().stream()
                    .filter(d -> everything || d.isVerified())
                    .toList();
            if (csv != null && domains.isEmpty() && !csv.isStream()) {
                throw new UserFacingException(
                        noDomains(everything) + "; " + out + (hadAFile ? " was left as it was" : " was not written"));
            }
            if (csv != null) {
                for (Domain d : domains) {
                    csv.row(cells(d));
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
        if (toStandardOutput) {
            printCsv(ctx.outputWriter(), domains);
            io.messages().println(domains.size() + (everything ? " domains" : " verified domains"));
            return;
        }
        List<List<String>> rows = domains.stream()
                .map(d -> List.of(
                        Objects.toString(d.name(), ""),
                        Objects.toString(d.status(), ""),
                        Objects.toString(d.verificationType(), "")))
                .toList();
        var w = ctx.outputWriter();
        if (rows.isEmpty()) {
            w.println(noDomains(everything));
        } else {
            w.print(io.table(List.of("Domain", "Status", "Verification"), rows));
            w.println(rows.size()
                    + (everything ? " domains" : " verified domains")
                    + (everything ? "" : " (--all shows the others)"));
        }
        if (out != null) {
            w.println("written to " + out);
        }
    }

    /**
     * The same CSV as the file, on standard output; at a terminal its cells are also made inert there, as every
     * string from the API is.
     */
    private void printCsv(PrintWriter w, List<Domain> domains) throws IOException {
        boolean screen = io.mode().isInteractive() || io.mode().outputIsTerminal();
        CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(HEADER.toArray(String[]::new))
                .get()
                .print(w);
        for (Domain d : domains) {
            printer.printRecord(cells(d).stream()
                    .map(SafeCsvWriter::neutralise)
                    .map(c -> screen ? Sanitizer.forTerminal(c) : c)
                    .toList());
        }
        printer.flush();
    }

    private static List<String> cells(Domain d) {
        return List.of(
                Objects.toString(d.id(), ""),
                Objects.toString(d.name(), ""),
                Objects.toString(d.status(), ""),
                Objects.toString(d.verificationType(), ""));
    }

    private static String noDomains(boolean everything) {
        return everything ? "the organization has no domains" : "the organization has no verified domains";
    }

    private static SafeCsvWriter openCsv(OutputTarget out) {
        try {
            return SafeCsvWriter.open(out.open(), HEADER);
        } catch (IOException | InvalidPathException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage());
        }
    }
}
