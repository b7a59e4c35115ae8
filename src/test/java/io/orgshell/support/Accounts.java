package io.orgshell.support;

import java.util.stream.Stream;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;

/** Sandbox accounts that any operation may touch: managed, active, in the org, not synced, not admin, not you. */
public final class Accounts {

    private Accounts() {
    }

    public static Stream<SandboxUser> plain(SandboxServer server) {
        return server.org().users().stream()
                .filter(u -> u.managed() && !u.idpSynced() && !u.orgAdmin() && u.active() && !u.pendingDeletion()
                        && u.access() == OrgAccess.ACTIVE && !u.accountId().equals(server.callerAccountId()));
    }
}
