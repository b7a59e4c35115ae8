package io.orgshell.run;

import io.orgshell.plan.AccountState;
import io.orgshell.plan.Operation;

/**
 * What preview protects, asked again of each account as the batch's re-read shows it just before its write: an
 * account may have become an org admin, been taken over by an identity provider, or turned out to be the caller's
 * own since preview. Such a step is skipped, not written.
 *
 * @param adminsAllowed whether the preview let org admins through ({@code --allow-admins} with at least one row on
 *                      an org admin, or on an account the org did not say is not one): the run can then not tell an
 *                      admin it was allowed from one that became one. Rows that add to an admin group do not count.
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
        // an answer that left the roles out: an admin must not pass for a user (preview refuses it the same way)
        if (!adminsAllowed && now.orgAdmin() == null) {
            return "protected: the org did not say whether this is an org admin";
        }
        if (Boolean.TRUE.equals(now.synced()) && (operation == Operation.EMAIL || operation == Operation.PROFILE)) {
            return "became managed by an identity provider (SCIM) since preview; change it there";
        }
        return null;
    }
}
