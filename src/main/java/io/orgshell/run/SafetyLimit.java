package io.orgshell.run;

import io.orgshell.plan.Operation;
import io.orgshell.plan.Preview;
import java.util.Optional;

/**
 * Refuses a run that cuts people off (suspend, deactivate, delete, remove) from more than a share of the org's
 * managed accounts (default 20%), or from any org admin, unless overridden: such a file is more often a mistake
 * than a plan. A group change that changes who administers the org (a group that grants administration, or an org
 * admin's groups) is held to the same. Preview shows the same breach as a warning, so the operator learns it before
 * any effort.
 */
final class SafetyLimit {

    private SafetyLimit() {}

    static void check(Preview preview, String orgName, boolean overridden, double maxFraction) {
        if (!overridden) {
            breach(preview, orgName, maxFraction).ifPresent(what -> {
                throw new SafetyLimitException(what);
            });
        }
    }

    /** What the plan would do beyond the limit ("suspend 14 of 55 managed accounts (more than 20%) in Acme"). */
    static Optional<String> breach(Preview preview, String orgName, double maxFraction) {
        long rows = preview.steps().size();
        String op = preview.plan().operation().cliName();
        if (changesAdministration(preview)) {
            return Optional.of(op + " " + preview.adminRows() + " row(s) that change who administers " + orgName
                    + " (groups that grant administration, or org admins)");
        }
        if (!preview.plan().operation().limited()) {
            return Optional.empty();
        }
        if (preview.adminRows() > 0) {
            return Optional.of(op + " " + preview.adminRows() + " org admin account(s) in " + orgName);
        }
        if (preview.orgAccounts() > 0 && rows > maxFraction * preview.orgAccounts()) {
            return Optional.of(String.format(
                    "%s %d of %d managed accounts (more than %.0f%%) in %s",
                    op, rows, preview.orgAccounts(), maxFraction * 100, orgName));
        }
        return Optional.empty();
    }

    /** A group change of an org admin, or of a group that grants administration: it needs typing, as deletes do. */
    static boolean changesAdministration(Preview preview) {
        Operation op = preview.plan().operation();
        return (op == Operation.GROUP_ADD || op == Operation.GROUP_REMOVE) && preview.adminRows() > 0;
    }
}
