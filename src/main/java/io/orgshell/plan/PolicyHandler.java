package io.orgshell.plan;

import io.orgshell.api.AuthPolicy;
import io.orgshell.directory.RefusedValueException;
import io.orgshell.plan.Operation.Columns;
import java.util.List;

/**
 * Adding accounts to an authentication policy. The API tells no account's policy: the state before is
 * {@value #UNKNOWN}, the state wanted {@code policy:<ID>}, and whether it landed is the add-users task's answer for
 * each address, not a read-back. The writes go in batches of addresses, one task each (run/PolicyTasks); with the
 * policy before unknown, nothing can give it back.
 */
record PolicyHandler() implements OperationHandler {

    static final String UNKNOWN = "unknown";
    static final String POLICY = "policy:";

    @Override
    public Operation operation() {
        return Operation.POLICY_ADD;
    }

    /** The policy ID a step adds its account to. */
    public static String policyId(Step s) {
        return s.to().substring(POLICY.length());
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        AuthPolicy p;
        try {
            p = ctx.policy(row.value(Columns.POLICY));
        } catch (RefusedValueException e) {
            return Assessment.blocked(null, e.getMessage());
        }
        if (a.email() == null || a.email().indexOf('@') < 0) {
            return Assessment.blocked(UNKNOWN, "the directory shows no email address, and the policy takes addresses");
        }
        return new Assessment(UNKNOWN, POLICY + p.id(), null);
    }

    @Override
    public String state(AccountState a, Step s) {
        return s.from();
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        return a;
    }

    @Override
    public Shows shows(AccountState a, Step s) {
        return Shows.CANNOT_TELL;
    }

    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        throw new IllegalStateException("policy-add is sent in batches of addresses, not a write per account");
    }

    @Override
    public Operation inverse() {
        return null;
    }

    @Override
    public String whyNoUndo() {
        return "the API does not tell an account's policy before, so nothing can put it back";
    }

    @Override
    public List<String> undoHeader() {
        return List.of(Columns.ACCOUNT_ID);
    }

    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        return List.of(row.accountId());
    }
}
