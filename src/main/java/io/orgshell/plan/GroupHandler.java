package io.orgshell.plan;

import io.orgshell.plan.Operation.Columns;
import java.util.List;

/** Group membership: the state is {@code in:<group ID>} or {@code out:<group ID>}. */
record GroupHandler(Operation operation) implements OperationHandler {

    boolean adding() {
        return operation == Operation.GROUP_ADD;
    }

    @Override
    public boolean needsGroups() {
        return true;
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        String group = ctx.groupId(row.value(Columns.GROUP));
        if (group == null) {
            String problem = ctx.groupProblem(row.value(Columns.GROUP));
            return Assessment.blocked(
                    null,
                    problem != null ? problem : "no group '" + row.value(Columns.GROUP) + "' in the organization");
        }
        String now = a.groupIds() == null
                ? (adding() ? "out:" : "in:") + group
                : (a.groupIds().contains(group) ? "in:" : "out:") + group;
        return new Assessment(now, (adding() ? "in:" : "out:") + group, null);
    }

    @Override
    public String state(AccountState a, Step s) {
        String group = s.to().substring(s.to().indexOf(':') + 1);
        return a.groupIds() == null ? s.from() : (a.groupIds().contains(group) ? "in:" : "out:") + group;
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        return a.withGroup(s.to().substring(s.to().indexOf(':') + 1), adding());
    }

    @Override
    public Shows shows(AccountState a, Step s) {
        return a != null && a.groupIds() == null ? Shows.CANNOT_TELL : OperationHandler.super.shows(a, s);
    }

    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        String group = s.to().substring(s.to().indexOf(':') + 1);
        return adding()
                ? ctx.directory().addToGroup(group, s.accountId())
                : ctx.directory().removeFromGroup(group, s.accountId());
    }

    @Override
    public Operation inverse() {
        return adding() ? Operation.GROUP_REMOVE : Operation.GROUP_ADD;
    }

    @Override
    public List<String> undoHeader() {
        return List.of(Columns.ACCOUNT_ID, Columns.GROUP);
    }

    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        return List.of(row.accountId(), to.substring(to.indexOf(':') + 1));
    }
}
