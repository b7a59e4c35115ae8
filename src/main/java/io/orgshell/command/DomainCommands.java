package io.orgshell.command;

import io.orgshell.api.Domain;
import io.orgshell.console.Console;
import io.orgshell.console.JsonOutput;
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

    private final Session session;

    public DomainCommands(Session session) {
        this.session = session;
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
        // with a document or the CSV on standard output, what is said about it goes to standard error
        Console console =
                toStandardOutput || JsonOutput.wanted(asJson) ? Console.of(ctx).dataOnOut() : Console.of(ctx);
        if (toStandardOutput && JsonOutput.wanted(asJson)) {
            throw new UsageException("--json and --out - both write to standard output: choose one");
        }
        OutputTarget file =
                out == null || toStandardOutput ? null : OutputTarget.file(PathArguments.output("--out", out));
        // the file is opened before the org is asked: one that cannot be written costs no request
        boolean hadAFile = file != null && file.holdsAFile();
        SafeCsvWriter csv = file == null ? null : openCsv(file);
        DomainsView view;
        try {
            List<Domain> domains = session.require().client().organizations().domains().stream()
                    .filter(d -> everything || d.isVerified())
                    .toList();
            view = DomainsView.of(domains, everything);
            if (csv != null) {
                writeCsv(csv, hadAFile, view, out);
            }
        } finally {
            if (csv != null) {
                csv.close();
            }
        }
        if (toStandardOutput) {
            printCsv(console, view);
            console.messages().println(view.count());
            return;
        }
        Listing.print(console, JsonOutput.wanted(asJson), view);
        if (out != null) {
            console.messages().println("written to " + out);
        }
    }

    /** The file is replaced only when there is something to write: an empty list leaves it as it was. */
    private static void writeCsv(SafeCsvWriter csv, boolean hadAFile, DomainsView view, String out) throws IOException {
        if (view.domains().isEmpty() && !csv.isStream()) {
            throw new UserFacingException(
                    view.nothing() + "; " + out + (hadAFile ? " was left as it was" : " was not written"));
        }
        for (DomainsView.Entry d : view.domains()) {
            csv.row(d.csv());
        }
        csv.commit();
    }

    /**
     * The same CSV as the file, on standard output; at a terminal its cells are also made inert there, as every
     * string from the API is.
     */
    private static void printCsv(Console console, DomainsView view) throws IOException {
        PrintWriter w = console.out();
        CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(DomainsView.CSV_HEADER.toArray(String[]::new))
                .get()
                .print(w);
        for (DomainsView.Entry d : view.domains()) {
            printer.printRecord(d.csv().stream()
                    .map(SafeCsvWriter::neutralise)
                    .map(c -> console.outputIsTerminal() ? Sanitizer.forTerminal(c) : c)
                    .toList());
        }
        printer.flush();
    }

    private static SafeCsvWriter openCsv(OutputTarget out) {
        try {
            return SafeCsvWriter.open(out.open(), DomainsView.CSV_HEADER);
        } catch (IOException | InvalidPathException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage());
        }
    }
}
