package io.orgshell.run;

import io.orgshell.plan.AccountState;
import io.orgshell.plan.Operation;

/**
 * What preview protects, asked again of each account as the batch's re-read shows it just before its write: an
 * account may have become an org admin, been taken over by an identity provider, or turned out to be the caller's
 * own since preview. Such a step is skipped, not written.
 *
 * @param adminsAllowed whether the preview let org admins through ({@code --allow-admins} with at least one admin
 *                      row): the run can then not tell an admin it was allowed from one that became one
 */
record ProtectedAccounts(Operation operation, String callerAccountId, boolean adminsAllowed) {

    /** Why this account must not be written now, or null. */
    String why(AccountState now) {
        if (now.accountId().equals(callerAccountId)) {
            return "protected: this is your own account";
        }
        if (!adminsAllowed && Boolean.TRUE.equals(now.orgAdmin())) {
            return "protected: became an org admin since preview";
        }
        // a v2 answer (it always tells IdP sync) that left the roles out: an admin must not pass for a user
        if (!adminsAllowed && now.orgAdmin() == null && now.synced() != null) {
            return "protected: the org did not say whether this is an org admin";
        }
        if (Boolean.TRUE.equals(now.synced()) && (operation == Operation.EMAIL || operation == Operation.PROFILE)) {
            return "became managed by an identity provider (SCIM) since preview; change it there";
        }
        return null;
    }
}
