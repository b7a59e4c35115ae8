package io.orgshell.plan;

/**
 * Preview's answer for one row: the verdict, why, the account's current value as the org reported it, and whose
 * account it is ({@code account}: null when the org has no such account, or the check was read back from a run).
 * {@code protection} says whether the row is blocked only to protect who administers the org, which preview can be
 * told to allow.
 */
public record RowCheck(
        PlanRow row, Verdict verdict, String reason, String current, Account account, Protection protection) {

    /** The account as the org lists it, so a person sees whom a row is about, not only its ID. */
    public record Account(String email, String name) {}

    /** Why a row is blocked when it is blocked to protect the org's administration. */
    public enum Protection {
        NONE,
        /** An org admin's account, one the org did not say is not, or a group change that grants administration. */
        ADMINISTRATION
    }

    public RowCheck(PlanRow row, Verdict verdict, String reason, String current) {
        this(row, verdict, reason, current, null, Protection.NONE);
    }

    public RowCheck(PlanRow row, Verdict verdict, String reason, String current, Account account) {
        this(row, verdict, reason, current, account, Protection.NONE);
    }

    /** A row blocked to protect who administers the org; preview lets it through when allowed to. */
    static RowCheck protectingAdministration(PlanRow row, String reason, String current) {
        return new RowCheck(row, Verdict.BLOCKED, reason, current, null, Protection.ADMINISTRATION);
    }

    /** This check, naming the account it is about. */
    public RowCheck about(AccountState a) {
        return a == null
                ? this
                : new RowCheck(
                        row,
                        verdict,
                        reason,
                        current,
                        new Account(
                                a.email(),
                                a.profile() == null ? null : a.profile().get("name")),
                        protection);
    }
}
