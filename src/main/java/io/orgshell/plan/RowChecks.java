package io.orgshell.plan;

/** The checks every operation makes before its own: the file's verdict, the account, and the protected accounts. */
final class RowChecks {

    private RowChecks() {}

    /** A verdict when the row cannot go on to the operation's own checks, else null. */
    static RowCheck common(Operation op, PlanRow r, AccountState a, PreviewOptions options) {
        if (r.isInvalid()) {
            return new RowCheck(r, Verdict.INVALID, r.invalidReason(), null);
        }
        if (r.isConflicting()) {
            return new RowCheck(r, Verdict.BLOCKED, r.conflictReason(), null);
        }
        if (a == null) {
            return new RowCheck(r, Verdict.BLOCKED, "account not found in this organization", null);
        }
        // the account's state in the operation's terms: its address for email; for the others it is not read here
        String now = op == Operation.EMAIL ? a.email() : null;
        if (!a.managed() && op.needsManagedAccount()) {
            return new RowCheck(
                    r,
                    Verdict.BLOCKED,
                    "account is not managed by this organization (" + op.cliName()
                            + " needs an account on a verified domain)",
                    now);
        }
        if (r.accountId().equals(options.callerAccountId())) {
            return new RowCheck(r, Verdict.BLOCKED, "protected: this is your own account", now);
        }
        if (Boolean.TRUE.equals(a.orgAdmin()) && !options.allowAdmins()) {
            return RowCheck.protectingAdministration(r, "protected: org admin", now);
        }
        // an answer that left the roles out: an admin must not pass for a user
        if (a.orgAdmin() == null && !options.allowAdmins()) {
            return RowCheck.protectingAdministration(
                    r, "protected: the org did not say whether this is an org admin", now);
        }
        return null;
    }
}
