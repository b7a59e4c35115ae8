package io.orgshell.run;

import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.plan.Preview;

/**
 * Refuses a destructive run (deactivate, delete, remove) that would touch more than a share of the org's managed
 * accounts (default 20%) or any org admin, unless overridden: such a file is more often a mistake than a plan.
 */
final class SafetyLimit {

    private SafetyLimit() {
    }

    static void check(Preview preview, String orgName, boolean overridden, double maxFraction) {
        if (!preview.plan().operation().destructive() || overridden) {
            return;
        }
        long rows = preview.steps().size();
        String op = preview.plan().operation().cliName();
        if (preview.adminRows() > 0) {
            throw new UserFacingException("refusing to " + op + " " + preview.adminRows() + " org admin account(s) in "
                    + orgName + "; run with --override-limit if that is really meant", ExitCodes.USAGE);
        }
        if (preview.orgAccounts() > 0 && rows > maxFraction * preview.orgAccounts()) {
            throw new UserFacingException(String.format("refusing to %s %d of %d managed accounts (more than %.0f%%) "
                            + "in %s; run with --override-limit if that is really meant", op, rows,
                    preview.orgAccounts(), maxFraction * 100, orgName), ExitCodes.USAGE);
        }
    }
}
