package io.orgshell.plan;

/** The handler of each operation. */
public final class OperationHandlers {

    private OperationHandlers() {}

    public static OperationHandler of(Operation op) {
        return switch (op) {
            case EMAIL -> new EmailHandler();
            case SUSPEND -> new StateHandlers.Access(op, StateHandlers.SUSPENDED);
            case RESTORE -> new StateHandlers.Access(op, StateHandlers.ACTIVE);
            case REMOVE -> new StateHandlers.Access(op, StateHandlers.REMOVED);
            case DEACTIVATE, ENABLE, DELETE, CANCEL_DELETE -> new StateHandlers.Lifecycle(op);
            case PROFILE -> new ProfileHandler();
            case GROUP_ADD, GROUP_REMOVE -> new GroupHandler(op);
            case ACCESS_REVOKE, ACCESS_GRANT -> new AccessHandler(op);
            case POLICY_ADD -> new PolicyHandler();
            case TOKEN_REVOKE -> new TokenRevokeHandler();
            case OFFBOARD, REINSTATE -> new OffboardHandler(op);
        };
    }
}
