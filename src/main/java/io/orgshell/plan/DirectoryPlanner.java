package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Domain;
import io.orgshell.api.Group;
import io.orgshell.config.ConfigDirectory;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.directory.AccountFacts;
import io.orgshell.directory.Selection;
import io.orgshell.directory.SelectionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;

/**
 * Builds a change file from the live directory ({@code plan OP [selection]}): the rows a person would otherwise make
 * in a spreadsheet, in the columns {@code load} reads, so the file can be read, edited and loaded like any other.
 * Nothing is judged here: collisions, IdP-synced, unmanaged and protected accounts stay in the file, for preview to
 * block with its usual reasons, so the file shows the whole intent.
 */
@Service
public class DirectoryPlanner {

    /** What {@code plan} can build; profile and cancel-delete need values or states a selection cannot give. */
    public static final Set<Operation> OPERATIONS = EnumSet.of(
            Operation.EMAIL,
            Operation.SUSPEND,
            Operation.RESTORE,
            Operation.DEACTIVATE,
            Operation.ENABLE,
            Operation.DELETE,
            Operation.REMOVE,
            Operation.GROUP_ADD,
            Operation.GROUP_REMOVE);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * What to build: the operation, its selection, and what the operation itself needs (the group of a group
     * change; the two domains of an email change and whether to lower-case the local part).
     */
    public record Request(
            Operation operation,
            Selection selection,
            String group,
            String fromDomain,
            String toDomain,
            boolean lowercase) {}

    /** The rows, held until the operator has been told how many accounts matched, then written. */
    public record Draft(Operation operation, String selected, List<String> header, List<List<String>> rows) {}

    private final SelectionService selections;
    private final ConfigDirectory config;
    private final Clock clock;

    public DirectoryPlanner(SelectionService selections, ConfigDirectory config) {
        this.selections = selections;
        this.config = config;
        this.clock = Clock.systemDefaultZone();
    }

    public static Operation operation(String op) {
        if (op == null || op.isBlank()) {
            throw new UsageException("plan needs an operation: " + names());
        }
        Operation operation;
        try {
            operation = Operation.fromCli(op);
        } catch (IllegalArgumentException e) {
            throw new UsageException("plan: unknown operation '" + op.strip() + "' (use " + names() + ")");
        }
        if (!OPERATIONS.contains(operation)) {
            throw new UsageException("plan cannot build '" + operation.cliName() + "' from the directory (use "
                    + names() + "; for " + operation.cliName() + ", write the file and 'load' it)");
        }
        return operation;
    }

    private static String names() {
        return String.join(", ", OPERATIONS.stream().map(Operation::cliName).toList());
    }

    /** Reads the accounts the request selects; a selection matching none is an error (exit 1), nothing written. */
    public Draft draft(AdminApiClient client, DirectoryClient directory, Request req, IntConsumer accountsSeen) {
        Operation op = req.operation();
        boolean groups = op == Operation.GROUP_ADD || op == Operation.GROUP_REMOVE;
        if (!groups && req.group() != null) {
            throw new UsageException("plan " + op.cliName() + " takes no GROUP; it was given '" + req.group() + "'");
        }
        if (groups && (req.group() == null || req.group().isBlank())) {
            throw new UsageException(
                    "plan " + op.cliName() + " needs the GROUP: plan " + op.cliName() + " GROUP [selection]");
        }
        if (op != Operation.EMAIL && (req.fromDomain() != null || req.toDomain() != null || req.lowercase())) {
            throw new UsageException("--from-domain, --to-domain and --lowercase are for 'plan email' only");
        }
        Selection selection = req.selection();
        String toDomain = null;
        if (op == Operation.EMAIL) {
            toDomain = checkDomainMove(client, req, selection);
            selection = selection.atDomain(req.fromDomain().strip());
        } else if (selection.isEverything()) {
            throw new UsageException("plan " + op.cliName() + " needs a selection (--domain, --status, --access, "
                    + "--group, --managed, --unmanaged, --idp, --no-idp, --inactive-since): a plan for every "
                    + "account is not built by accident");
        }
        Group group = groups ? selections.group(directory, req.group().strip(), "plan " + op.cliName()) : null;
        SelectionService.Selected selected = selections.select(client, directory, selection, false, accountsSeen);
        List<List<String>> rows = new ArrayList<>(selected.accounts().size());
        for (AccountFacts a : selected.accounts()) {
            String email = a.email() == null ? "" : a.email();
            if (op == Operation.EMAIL) {
                if (email.indexOf('@') < 0) {
                    continue; // an address the account hides cannot be moved
                }
                String local = email.substring(0, email.lastIndexOf('@'));
                rows.add(List.of(
                        a.accountId(),
                        email,
                        (req.lowercase() ? local.toLowerCase(Locale.ROOT) : local) + "@" + toDomain));
            } else if (groups) {
                rows.add(List.of(a.accountId(), group.name() == null ? group.id() : group.name(), email));
            } else {
                rows.add(List.of(a.accountId(), email));
            }
        }
        if (rows.isEmpty()) {
            throw new UserFacingException("no account matches " + selection.describe() + "; nothing was written");
        }
        List<String> header = op == Operation.EMAIL
                ? List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.OLD_EMAIL, Operation.Columns.EMAIL)
                : groups
                        ? List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.GROUP, Operation.Columns.EMAIL)
                        : List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.EMAIL);
        return new Draft(op, selection.describe(), header, List.copyOf(rows));
    }

    /** Both domains given and different; OLD one of the org's domains (any status), NEW a verified one. */
    private String checkDomainMove(AdminApiClient client, Request req, Selection selection) {
        if (req.fromDomain() == null
                || req.fromDomain().isBlank()
                || req.toDomain() == null
                || req.toDomain().isBlank()) {
            throw new UsageException("plan email needs both domains: plan email --from-domain OLD --to-domain NEW");
        }
        if (!selection.domains().isEmpty()) {
            throw new UsageException("plan email takes its accounts from --from-domain; --domain does not apply");
        }
        String from = req.fromDomain().strip().toLowerCase(Locale.ROOT);
        String to = req.toDomain().strip().toLowerCase(Locale.ROOT);
        if (from.equals(to)) {
            throw new UsageException("--from-domain and --to-domain are both " + from + ": nothing would move");
        }
        List<Domain> domains = selections.domains(client);
        if (domains.stream().noneMatch(d -> from.equalsIgnoreCase(d.name()))) {
            throw new UsageException(
                    "--from-domain: " + from + " is not a domain of the organization (see 'domains " + "list --all')");
        }
        Domain target = domains.stream()
                .filter(d -> to.equalsIgnoreCase(d.name()))
                .findFirst()
                .orElseThrow(() -> new UsageException(
                        "--to-domain: " + to + " is not a domain of the organization " + "(see 'domains list --all')"));
        if (!target.isVerified()) {
            throw new UsageException("--to-domain: " + to + " is not verified (its claim is "
                    + (target.status() == null ? "unknown" : target.status()) + "); accounts can only move to a "
                    + "verified domain");
        }
        return to;
    }

    /** Where a plan goes without {@code --out}: the config directory, next to the runs, under a timestamped name. */
    public Path defaultFile(Operation op) {
        Path dir = config.root().resolve("plans");
        try {
            OwnerOnlyFiles.ensureDirectory(config.root());
            OwnerOnlyFiles.ensureDirectory(dir);
        } catch (IOException e) {
            throw new UserFacingException("cannot create " + dir + ": " + e.getMessage());
        }
        String stamp = LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).format(STAMP);
        Path file = dir.resolve(stamp + "-" + op.cliName() + ".csv");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(stamp + "-" + op.cliName() + "-" + n + ".csv");
        }
        return file;
    }

    /** Writes the draft owner-only, complete or not at all. */
    public void write(Draft draft, Path file) {
        try (SafeCsvWriter csv = SafeCsvWriter.openWithLf(file, draft.header())) {
            draft.rows().forEach(csv::row);
            csv.commit();
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /**
     * Sends the draft to a stream ({@code --out -}, a FIFO, a device), the same CSV as the file it was loaded from;
     * on a person's screen, with the escape sequences an account's text may hold shown, not obeyed.
     */
    public void send(Draft draft, OutputTarget stream) {
        try (SafeCsvWriter csv = SafeCsvWriter.openWithLf(stream.open(), draft.header())) {
            for (List<String> row : draft.rows()) {
                csv.row(
                        stream.terminal()
                                ? row.stream().map(Sanitizer::forTerminal).toList()
                                : row);
            }
            csv.commit();
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + stream + ": " + e.getMessage());
        }
    }
}
