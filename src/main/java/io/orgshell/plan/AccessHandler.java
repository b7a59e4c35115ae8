package io.orgshell.plan;

import io.orgshell.api.Workspace;
import io.orgshell.directory.RefusedValueException;
import io.orgshell.plan.Operation.Columns;
import java.util.List;

/**
 * Product access: the state is {@code has:<workspace ID>} or {@code lacks:<workspace ID>}, read off the products the
 * directory lists for the account. Writes assign or revoke the row's role (revoke: {@code atlassian/user} when the
 * row names none) on the workspace through the user roles API. The directory lists products, not roles: a grant of
 * another role on a product the account already has is nothing to do.
 */
record AccessHandler(Operation operation) implements OperationHandler {

    static final String DEFAULT_ROLE = "atlassian/user";
    static final String HAS = "has:";
    static final String LACKS = "lacks:";

    boolean granting() {
        return operation == Operation.ACCESS_GRANT;
    }

    /** The row's role as the API names it: {@code user} is {@code atlassian/user}. */
    static String role(PlanRow row) {
        String r =
                row.value(Columns.ROLE) == null ? "" : row.value(Columns.ROLE).strip();
        if (r.isEmpty()) {
            return DEFAULT_ROLE;
        }
        return r.contains("/") ? r : "atlassian/" + r;
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        Workspace w;
        try {
            w = ctx.product(row.value(Columns.PRODUCT));
        } catch (RefusedValueException e) {
            return Assessment.blocked(null, e.getMessage());
        }
        Boolean has = a.hasProduct(w.id(), ctx.onlySiteOfItsProduct(w) ? w.typeKey() : null);
        String wanted = (granting() ? HAS : LACKS) + w.id();
        String now = has == null ? (granting() ? LACKS : HAS) + w.id() : (has ? HAS : LACKS) + w.id();
        return new Assessment(now, wanted, null);
    }

    private static String workspace(Step s) {
        return s.to().substring(s.to().indexOf(':') + 1);
    }

    @Override
    public String state(AccountState a, Step s) {
        Boolean has = a.hasProduct(workspace(s), null);
        return has == null ? s.from() : (has ? HAS : LACKS) + workspace(s);
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        return a.withProduct(workspace(s), granting());
    }

    @Override
    public Shows shows(AccountState a, Step s) {
        return a != null && a.products() == null ? Shows.CANNOT_TELL : OperationHandler.super.shows(a, s);
    }

    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        return granting()
                ? ctx.client().roles().assign(s.accountId(), role(row), workspace(s))
                : ctx.client().roles().revoke(s.accountId(), role(row), workspace(s));
    }

    @Override
    public Operation inverse() {
        return granting() ? Operation.ACCESS_REVOKE : Operation.ACCESS_GRANT;
    }

    @Override
    public List<String> undoHeader() {
        return List.of(Columns.ACCOUNT_ID, Columns.PRODUCT, Columns.ROLE);
    }

    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        return List.of(row.accountId(), workspace(new Step(0, 0, row.accountId(), from, to, false, -1)), role(row));
    }
}
