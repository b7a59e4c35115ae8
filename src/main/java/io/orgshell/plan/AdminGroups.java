package io.orgshell.plan;

import io.orgshell.api.GroupRoles;

/**
 * A group change that changes who administers the org: the row's group grants administration (or the org would not
 * say). Such a row is protected like an org admin's: preview blocks it without {@code --allow-admins}, and an allowed
 * one counts as an admin row for the safety limit and the typed confirmation.
 */
final class AdminGroups {

    private AdminGroups() {}

    /** "group 'site-admins' grants administration (it holds atlassian/site-admin)", or null for any other row. */
    static String why(OperationHandler handler, PlanRow row, WriteContext ctx) {
        if (handler.operation() == Operation.REINSTATE) {
            // a reinstate adds groups back: a hand-written one could add someone to an admin group
            for (String name : row.value(Operation.Columns.GROUPS).split(";")) {
                String why = name.isBlank() ? null : why(name.strip(), ctx);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (!(handler instanceof GroupHandler)) {
            return null;
        }
        return why(row.value(Operation.Columns.GROUP), ctx);
    }

    private static String why(String name, WriteContext ctx) {
        String id = ctx.groupId(name);
        if (id == null) {
            return null;
        }
        GroupRoles.Administration a = ctx.administration(id);
        return a.grants() ? "group '" + name + "' grants administration (" + a.why() + ")" : null;
    }
}
