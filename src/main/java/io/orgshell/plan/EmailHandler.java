package io.orgshell.plan;

import io.orgshell.plan.Operation.Columns;
import java.util.List;
import java.util.Locale;

/** Email changes: the state is the address; compared without case. Preview is {@link EmailPreview}'s. */
final class EmailHandler implements OperationHandler {

    @Override
    public Operation operation() {
        return Operation.EMAIL;
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        return new Assessment(a.email(), row.value(Columns.EMAIL), null);
    }

    @Override
    public String state(AccountState a, Step s) {
        return a.email();
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        return a.withEmail(s.to());
    }

    @Override
    public Shows shows(AccountState a, Step s) {
        return a != null && a.email() == null ? Shows.CANNOT_TELL : OperationHandler.super.shows(a, s);
    }

    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        return ctx.client().users().changeEmail(s.accountId(), s.to());
    }

    @Override
    public boolean same(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public Operation inverse() {
        return Operation.EMAIL;
    }

    @Override
    public List<String> undoHeader() {
        return List.of(Columns.ACCOUNT_ID, Columns.OLD_EMAIL, Columns.EMAIL);
    }

    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        return List.of(row.accountId(), to, from);
    }
}
