package io.orgshell.support;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sandbox accounts for the tests: the plain ones any operation may touch (managed, active, in the org, not synced, not
 * admin, not you), and those the org's directory holds.
 */
public final class Accounts {

    private Accounts() {}

    public static Stream<SandboxUser> plain(SandboxServer server) {
        return server.org().users().stream()
                .filter(u -> u.managed()
                        && !u.idpSynced()
                        && !u.orgAdmin()
                        && u.active()
                        && !u.pendingDeletion()
                        && u.access() == OrgAccess.ACTIVE
                        && !u.accountId().equals(server.callerAccountId()));
    }

    /** The org directory's accounts that match (a removed account is no longer selected by anything). */
    public static List<SandboxUser> inDirectory(SandboxServer server, Predicate<SandboxUser> p) {
        return server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .filter(p)
                .toList();
    }

    /** The accounts' IDs, to compare with what a command selected. */
    public static Set<String> ids(List<SandboxUser> users) {
        return users.stream().map(SandboxUser::accountId).collect(Collectors.toSet());
    }

    /** Plain accounts handed out in order, each once: the tests of a class share a sandbox and must not meet. */
    public static final class Unused {
        private final SandboxServer server;
        private int handedOut;

        public Unused(SandboxServer server) {
            this.server = server;
        }

        public List<SandboxUser> next(int n) {
            List<SandboxUser> out = plain(server).skip(handedOut).limit(n).toList();
            handedOut += n;
            return out;
        }
    }

    /** Writes a change file that names each account by its ID alone, and returns it. */
    public static Path writeIds(Path file, List<SandboxUser> users) throws IOException {
        StringBuilder csv = new StringBuilder("account_id\n");
        users.forEach(u -> csv.append(u.accountId()).append('\n'));
        return Files.writeString(file, csv);
    }

    /** Writes a change file that moves each account to its {@link #movedAddress}, and returns it. */
    public static Path writeEmailMoves(Path file, List<SandboxUser> users) throws IOException {
        StringBuilder csv = new StringBuilder("account_id,email\n");
        users.forEach(u ->
                csv.append(u.accountId()).append(',').append(movedAddress(u)).append('\n'));
        return Files.writeString(file, csv);
    }

    /** A new address for {@code u} on the org's second domain, unique per account (no two rows collide). */
    public static String movedAddress(SandboxUser u) {
        return u.email().substring(0, u.email().indexOf('@')) + "-"
                + Integer.toHexString(u.accountId().hashCode()) + "@acme.io";
    }
}
