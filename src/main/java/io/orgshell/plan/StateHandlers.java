package io.orgshell.plan;

import io.orgshell.api.UserManagementClient;
import io.orgshell.plan.Operation.Columns;
import java.util.List;

/**
 * The operations whose state is one word of the account: org access (suspend, restore, remove) and lifecycle
 * (deactivate, enable, delete, cancel-delete).
 */
final class StateHandlers {

    private StateHandlers() {}

    static final String ACTIVE = "active";
    static final String SUSPENDED = "suspended";
    static final String REMOVED = "removed";
    static final String INACTIVE = "inactive";
    static final String FOR_DELETION = "for_deletion";
    static final String KEPT = "kept";

    /** suspend / restore / remove: the account's access to the org. */
    record Access(Operation operation, String target) implements OperationHandler {

        @Override
        public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
            String now = a.access() == null ? "unknown" : a.access();
            if (REMOVED.equals(now) && operation != Operation.REMOVE) {
                return Assessment.blocked(now, "the account was removed from the organization");
            }
            return new Assessment(
                    a.access() == null ? (target.equals(ACTIVE) ? SUSPENDED : ACTIVE) : now, target, null);
        }

        @Override
        public String state(AccountState a, Step s) {
            return a.access() == null ? s.from() : a.access();
        }

        @Override
        public AccountState applied(AccountState a, Step s) {
            return a.withAccess(target);
        }

        /** A removed account may no longer be listed at all: that shows the removal too. */
        @Override
        public Shows shows(AccountState a, Step s) {
            if (a == null) {
                return Shows.change(operation == Operation.REMOVE);
            }
            return a.access() == null ? Shows.CANNOT_TELL : Shows.change(target.equals(a.access()));
        }

        @Override
        public Integer write(Step s, PlanRow row, WriteContext ctx) {
            if (operation == Operation.REMOVE) {
                return ctx.directory().removeAccount(s.accountId());
            }
            boolean suspend = operation == Operation.SUSPEND;
            return suspend
                    ? ctx.directory().suspend(s.accountId())
                    : ctx.directory().restore(s.accountId());
        }

        @Override
        public Operation inverse() {
            return operation == Operation.SUSPEND
                    ? Operation.RESTORE
                    : operation == Operation.RESTORE ? Operation.SUSPEND : null;
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

    /** deactivate / enable / delete / cancel-delete: the account's lifecycle. */
    record Lifecycle(Operation operation) implements OperationHandler {

        @Override
        public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
            boolean deleting = Boolean.TRUE.equals(a.forDeletion());
            String status = a.accountStatus() == null ? ACTIVE : a.accountStatus();
            return switch (operation) {
                case DEACTIVATE ->
                    deleting
                            ? Assessment.blocked(FOR_DELETION, "the account is already being deleted")
                            : "closed".equals(status)
                                    ? Assessment.blocked(status, "the account is closed")
                                    : new Assessment(status, INACTIVE, null);
                case ENABLE ->
                    deleting
                            ? Assessment.blocked(
                                    FOR_DELETION, "the account is scheduled for deletion: cancel-delete it first")
                            : "closed".equals(status)
                                    ? Assessment.blocked(status, "the account is closed")
                                    : new Assessment(status, ACTIVE, null);
                case DELETE -> new Assessment(deleting ? FOR_DELETION : KEPT, FOR_DELETION, null);
                case CANCEL_DELETE -> new Assessment(deleting ? FOR_DELETION : KEPT, KEPT, null);
                default -> throw new IllegalStateException(operation.name());
            };
        }

        @Override
        public String state(AccountState a, Step s) {
            boolean deleting = Boolean.TRUE.equals(a.forDeletion());
            if (operation == Operation.DELETE || operation == Operation.CANCEL_DELETE) {
                return a.forDeletion() == null ? s.from() : deleting ? FOR_DELETION : KEPT;
            }
            return a.accountStatus();
        }

        @Override
        public AccountState applied(AccountState a, Step s) {
            return switch (operation) {
                case DEACTIVATE -> a.withLifecycle(INACTIVE, a.forDeletion());
                case ENABLE -> a.withLifecycle(ACTIVE, a.forDeletion());
                case DELETE -> a.withLifecycle(INACTIVE, true);
                default -> a.withLifecycle(ACTIVE, false);
            };
        }

        @Override
        public Shows shows(AccountState a, Step s) {
            if (a == null) {
                return Shows.NO_CHANGE;
            }
            boolean deletion = operation == Operation.DELETE || operation == Operation.CANCEL_DELETE;
            return (deletion ? a.forDeletion() : a.accountStatus()) == null
                    ? Shows.CANNOT_TELL
                    : Shows.change(same(state(a, s), s.to()));
        }

        @Override
        public Integer write(Step s, PlanRow row, WriteContext ctx) {
            UserManagementClient users = ctx.client().users();
            return switch (operation) {
                case DEACTIVATE -> users.disable(s.accountId(), row.value(Columns.MESSAGE));
                case ENABLE -> users.enable(s.accountId());
                case DELETE -> users.delete(s.accountId());
                default -> users.cancelDelete(s.accountId());
            };
        }

        @Override
        public Operation inverse() {
            return switch (operation) {
                case DEACTIVATE -> Operation.ENABLE;
                case ENABLE -> Operation.DEACTIVATE;
                case DELETE -> Operation.CANCEL_DELETE;
                default -> Operation.DELETE;
            };
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
}
