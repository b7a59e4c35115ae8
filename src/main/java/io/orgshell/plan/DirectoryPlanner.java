package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Domain;
import io.orgshell.api.Group;
import io.orgshell.config.ConfigDirectory;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.OwnerOnlyFiles;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import io.orgshell.directory.AccountFacts;
import io.orgshell.directory.RefusedValueException;
import io.orgshell.directory.Selection;
import io.orgshell.directory.SelectionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Builds a change file from the live directory ({@code plan OP [selection]}): the rows a person would otherwise make
 * in a spreadsheet, in the columns {@code load} reads, so the file can be read, edited and loaded like any other.
 * Nothing is judged here: collisions, IdP-synced, unmanaged and protected accounts stay in the file, for preview to
 * block with its usual reasons, so the file shows the whole intent. A plan of accounts inactive since a date is the
 * exception: it is a sweep, not an intent about named accounts, and the accounts it would find already suspended or
 * deactivated (the reason most are inactive) are left out and counted, with each account's last activity in a
 * {@code last_active} column.
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
            Operation.GROUP_REMOVE,
            Operation.ACCESS_REVOKE,
            Operation.ACCESS_GRANT,
            Operation.POLICY_ADD);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * What to build: the operation, its selection, and what the operation itself needs (the group of a group
     * change, the product of an access change or the policy of a policy change, in {@code group}; the role of a
     * grant; the two domains of an email change and whether to lower-case the local part).
     */
    public record Request(
            Operation operation,
            Selection selection,
            String group,
            String fromDomain,
            String toDomain,
            boolean lowercase,
            String role) {}

    /**
     * The rows, held until the operator has been told how many accounts matched, then written; {@code leftOut}: the
     * accounts an inactivity plan left out, by why.
     */
    public record Draft(
            Operation operation,
            String selected,
            List<String> header,
            List<List<String>> rows,
            Map<String, Integer> leftOut) {}

    /** The column an inactivity plan gives each account's last activity in; {@code load} keeps it, unused. */
    public static final String LAST_ACTIVE = "last_active";

    private final SelectionService selections;
    private final ConfigDirectory config;
    private final Clock clock;

    public DirectoryPlanner(SelectionService selections, ConfigDirectory config) {
        this.selections = selections;
        this.config = config;
        this.clock = Clock.systemDefaultZone();
    }

    /** Reads the accounts the request selects; a selection matching none is an error (exit 1), nothing written. */
    public Draft draft(AdminApiClient client, DirectoryClient directory, Request req, IntConsumer accountsSeen) {
        Operation op = req.operation();
        if (AccessPlans.builds(op)) {
            // a revoke for inactivity asks about the product revoked: last use anywhere else does not count
            boolean byProduct = op == Operation.ACCESS_REVOKE && req.selection().inactiveSince() != null;
            Selection selection = byProduct ? req.selection().withoutInactivity() : req.selection();
            return AccessPlans.draft(
                    client, selections.select(client, directory, selection, byProduct, accountsSeen), req);
        }
        boolean groups = op == Operation.GROUP_ADD || op == Operation.GROUP_REMOVE;
        checkShape(req, groups);
        Selection selection = req.selection();
        String toDomain = null;
        if (op == Operation.EMAIL) {
            toDomain = checkDomainMove(client, req);
            selection = selection.atDomain(req.fromDomain().strip());
        }
        Group group = groups
                ? selections.group(directory, req.group().strip(), RefusedValueException.Part.TARGET_GROUP)
                : null;
        SelectionService.Selected selected = selections.select(client, directory, selection, false, accountsSeen);
        List<List<String>> rows = new ArrayList<>(selected.accounts().size());
        boolean sweep = selection.inactiveSince() != null;
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        for (AccountFacts a : selected.accounts()) {
            String email = a.email() == null ? "" : a.email();
            String there = sweep ? alreadyThere(op, a) : null;
            if (there != null) {
                leftOut.merge(there, 1, Integer::sum);
                continue;
            }
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
            } else if (sweep) {
                rows.add(List.of(a.accountId(), email, lastActive(a)));
            } else {
                rows.add(List.of(a.accountId(), email));
            }
        }
        if (rows.isEmpty()) {
            throw new UserFacingException("no account matches " + selection.describe()
                    + (leftOut.isEmpty() ? "" : " that is not already " + describe(leftOut)) + "; nothing was written");
        }
        List<String> header = op == Operation.EMAIL
                ? List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.OLD_EMAIL, Operation.Columns.EMAIL)
                : groups
                        ? List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.GROUP, Operation.Columns.EMAIL)
                        : sweep
                                ? List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.EMAIL, LAST_ACTIVE)
                                : List.of(Operation.Columns.ACCOUNT_ID, Operation.Columns.EMAIL);
        return new Draft(op, selection.describe(), header, List.copyOf(rows), Map.copyOf(leftOut));
    }

    /** "deactivated 6, suspended 3". */
    public static String describe(Map<String, Integer> leftOut) {
        return leftOut.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Why the account is already where the operation would take it, or beyond (a deactivated account has no access
     * left to suspend); null when it is not, or the listing did not say.
     */
    private static String alreadyThere(Operation op, AccountFacts a) {
        String status = a.accountStatus() == null ? "" : a.accountStatus().toLowerCase(Locale.ROOT);
        String access = a.access() == null ? "" : a.access().toLowerCase(Locale.ROOT);
        boolean closed = status.equals("closed");
        boolean deactivated = status.equals("inactive");
        return switch (op) {
            case SUSPEND ->
                closed ? "closed" : deactivated ? "deactivated" : access.equals("suspended") ? "suspended" : null;
            case DEACTIVATE -> closed ? "closed" : deactivated ? "deactivated" : null;
            case DELETE -> closed ? "closed" : null;
            case RESTORE -> access.equals("active") ? "with access" : null;
            case ENABLE -> status.equals("active") ? "active" : null;
            default -> null;
        };
    }

    /** The day of the account's last product activity, or how it stands when it has none. */
    private static String lastActive(AccountFacts a) {
        if (a.lastActive() != null) {
            return LocalDate.ofInstant(a.lastActive(), ZoneOffset.UTC).toString();
        }
        return a.activityKnown() ? "never" : "unknown";
    }

    /**
     * What the front end makes sure of before asking: a domain move has its two domains (and no selection of
     * domains), a group change its group, and any other operation neither, but a selection.
     */
    private static void checkShape(Request req, boolean groups) {
        Operation op = req.operation();
        if (!OPERATIONS.contains(op)) {
            throw new IllegalArgumentException("no plan is built from the directory for " + op);
        }
        if (groups != (req.group() != null && !req.group().isBlank())) {
            throw new IllegalArgumentException(op + (groups ? " needs a group" : " takes no group"));
        }
        boolean move = req.fromDomain() != null || req.toDomain() != null || req.lowercase();
        if (op == Operation.EMAIL) {
            if (blank(req.fromDomain())
                    || blank(req.toDomain())
                    || req.fromDomain().strip().equalsIgnoreCase(req.toDomain().strip())
                    || !req.selection().domains().isEmpty()) {
                throw new IllegalArgumentException("a domain move needs two different domains and no others");
            }
        } else if (move) {
            throw new IllegalArgumentException(op + " moves no domain");
        } else if (req.selection().isEverything()) {
            throw new IllegalArgumentException(op + " is not planned for every account");
        }
    }

    /** OLD one of the org's domains (any status), NEW a verified one. */
    private String checkDomainMove(AdminApiClient client, Request req) {
        String from = req.fromDomain().strip().toLowerCase(Locale.ROOT);
        String to = req.toDomain().strip().toLowerCase(Locale.ROOT);
        List<Domain> domains = selections.domains(client);
        if (domains.stream().noneMatch(d -> from.equalsIgnoreCase(d.name()))) {
            throw new RefusedValueException(
                    RefusedValueException.Part.FROM_DOMAIN, from + " is not a domain of the organization");
        }
        Domain target = domains.stream()
                .filter(d -> to.equalsIgnoreCase(d.name()))
                .findFirst()
                .orElseThrow(() -> new RefusedValueException(
                        RefusedValueException.Part.TO_DOMAIN, to + " is not a domain of the organization"));
        if (!target.isVerified()) {
            throw new RefusedValueException(
                    RefusedValueException.Part.TO_DOMAIN,
                    to + " is not verified (its claim is " + (target.status() == null ? "unknown" : target.status())
                            + "); accounts can only move to a verified domain");
        }
        return to;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
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
