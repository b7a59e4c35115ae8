package io.orgshell.plan;

/**
 * Preview's answer for one row: the verdict, why, the account's current value as the org reported it, and whose
 * account it is ({@code account}: null when the org has no such account, or the check was read back from a run).
 */
public record RowCheck(PlanRow row, Verdict verdict, String reason, String current, Account account) {

    /** The account as the org lists it, so a person sees whom a row is about, not only its ID. */
    public record Account(String email, String name) {}

    public RowCheck(PlanRow row, Verdict verdict, String reason, String current) {
        this(row, verdict, reason, current, null);
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
                                a.profile() == null ? null : a.profile().get("name")));
    }
}
