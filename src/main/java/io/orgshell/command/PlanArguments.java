package io.orgshell.command;

import io.orgshell.core.UsageException;
import io.orgshell.directory.Selection;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;

/**
 * What {@code plan OPERATION [GROUP] [options]} asks for, as typed: the operation, the group of a group change, the
 * two domains of a domain move, and the selection, checked for what can be told without the org.
 */
record PlanArguments(
        String operation,
        String group,
        String fromDomain,
        String toDomain,
        Boolean lowercase,
        Selection selection,
        String role) {

    PlanArguments(
            String operation,
            String group,
            String fromDomain,
            String toDomain,
            Boolean lowercase,
            Selection selection) {
        this(operation, group, fromDomain, toDomain, lowercase, selection, null);
    }

    /** What the first argument after the operation names: GROUP, PRODUCT or POLICY; null when it takes none. */
    static String targetName(Operation op) {
        return switch (op) {
            case GROUP_ADD, GROUP_REMOVE -> "GROUP";
            case ACCESS_REVOKE, ACCESS_GRANT -> "PRODUCT";
            case POLICY_ADD -> "POLICY";
            default -> null;
        };
    }

    /** The operation, one that {@code plan} can build. */
    static Operation operation(String op) {
        if (op == null || op.isBlank()) {
            throw new UsageException("plan needs an operation: " + names());
        }
        Operation operation = Operation.named(op)
                .orElseThrow(
                        () -> new UsageException("plan: unknown operation '" + op.strip() + "' (use " + names() + ")"));
        if (!DirectoryPlanner.OPERATIONS.contains(operation)) {
            throw new UsageException("plan cannot build '" + operation.cliName() + "' from the directory (use "
                    + names() + "; for " + operation.cliName() + ", write the file and 'load' it)");
        }
        return operation;
    }

    /** The request for the planner; a positional argument not given arrives empty. */
    DirectoryPlanner.Request request() {
        Operation op = operation(operation);
        String g = group == null || group.isBlank() ? null : group.strip();
        String r = role == null || role.isBlank() ? null : role.strip();
        String target = targetName(op);
        boolean granting = op == Operation.ACCESS_GRANT;
        if (target == null && g != null) {
            throw new UsageException("plan " + op.cliName() + " takes no GROUP; it was given '" + g + "'");
        }
        if (target != null && g == null) {
            throw new UsageException("plan " + op.cliName() + " needs the " + target + ": plan " + op.cliName() + " "
                    + target + (granting ? " ROLE" : "") + " [selection]");
        }
        if (granting && r == null) {
            throw new UsageException(
                    "plan access-grant needs the ROLE (user, admin, ...): plan access-grant PRODUCT ROLE [selection]");
        }
        if (!granting && r != null) {
            throw new UsageException("plan " + op.cliName() + " takes no ROLE; it was given '" + r + "'");
        }
        boolean lower = Boolean.TRUE.equals(lowercase);
        if (op != Operation.EMAIL && (fromDomain != null || toDomain != null || lower)) {
            throw new UsageException("--from-domain, --to-domain and --lowercase are for 'plan email' only");
        }
        if (op == Operation.EMAIL) {
            checkDomainMove();
        } else if (selection.isEverything()) {
            throw new UsageException("plan " + op.cliName() + " needs a selection ("
                    + String.join(", ", SelectionOptions.NAMES) + "): a plan for every account is not built by "
                    + "accident");
        }
        return new DirectoryPlanner.Request(
                op,
                selection,
                g,
                fromDomain == null ? null : fromDomain.strip(),
                toDomain == null ? null : toDomain.strip(),
                lower,
                r);
    }

    private void checkDomainMove() {
        if (fromDomain == null || fromDomain.isBlank() || toDomain == null || toDomain.isBlank()) {
            throw new UsageException("plan email needs both domains: plan email --from-domain OLD --to-domain NEW");
        }
        if (!selection.domains().isEmpty()) {
            throw new UsageException("plan email takes its accounts from --from-domain; --domain does not apply");
        }
        if (fromDomain.strip().equalsIgnoreCase(toDomain.strip())) {
            throw new UsageException("--from-domain and --to-domain are both "
                    + fromDomain.strip().toLowerCase() + ": nothing would move");
        }
    }

    private static String names() {
        return String.join(
                ", ",
                DirectoryPlanner.OPERATIONS.stream().map(Operation::cliName).toList());
    }
}
