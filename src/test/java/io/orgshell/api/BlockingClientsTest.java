package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.session.Session;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each API's client writes through plain blocking calls that answer with the status the org sent. */
class BlockingClientsTest extends ShellTest {

    @Autowired
    Session session;

    SandboxServer server;
    AdminApiClient api;
    SandboxUser user;

    @BeforeEach
    void connect() {
        server = connectToFresh(SandboxConfig.defaults().withUsers(60).withSeed(29));
        api = session.require().client();
        user = Accounts.plain(server).findFirst().orElseThrow();
    }

    private SandboxUser now() {
        return server.org().findById(user.accountId()).orElseThrow();
    }

    @Test
    void theDirectorySuspendsRestoresAndRemovesAnAccount() {
        DirectoryClient directory = api.directory();

        assertThat(directory.suspend(user.accountId())).isBetween(200, 299);
        assertThat(now().access()).isEqualTo(OrgAccess.SUSPENDED);
        assertThat(((DirectoryUser) directory.accountById(user.accountId())).isSuspended())
                .isTrue();

        assertThat(directory.restore(user.accountId())).isBetween(200, 299);
        assertThat(now().access()).isEqualTo(OrgAccess.ACTIVE);

        assertThat(directory.removeAccount(user.accountId())).isBetween(200, 299);
        assertThat(now().access()).isEqualTo(OrgAccess.REMOVED);
    }

    @Test
    void theDirectoryAddsToAGroupAndTakesOut() {
        SandboxGroup group = server.org().groups().stream()
                .filter(g -> !g.scimSynced() && !server.org().isMember(g.id(), user.accountId()))
                .findFirst()
                .orElseThrow();

        assertThat(api.directory().addToGroup(group.id(), user.accountId())).isBetween(200, 299);
        assertThat(server.org().isMember(group.id(), user.accountId())).isTrue();
        assertThat(api.directory().groupsNamed(List.of(group.name())))
                .extracting(Group::id)
                .contains(group.id());

        assertThat(api.directory().removeFromGroup(group.id(), user.accountId()))
                .isBetween(200, 299);
        assertThat(server.org().isMember(group.id(), user.accountId())).isFalse();
    }

    @Test
    void userManagementWalksTheLifecycleAndChangesProfileAndEmail() {
        UserManagementClient users = api.users();

        assertThat(users.disable(user.accountId(), "leaving")).isEqualTo(204);
        assertThat(now().accountStatus()).isEqualTo("inactive");
        assertThat(users.enable(user.accountId())).isEqualTo(204);
        assertThat(now().active()).isTrue();
        assertThat(users.delete(user.accountId())).isEqualTo(200);
        assertThat(now().pendingDeletion()).isTrue();
        assertThat(users.cancelDelete(user.accountId())).isEqualTo(200);
        assertThat(now().pendingDeletion()).isFalse();

        assertThat(users.updateProfile(user.accountId(), Map.of("nickname", "Archivist")))
                .isBetween(200, 299);
        assertThat(now().nickname()).isEqualTo("Archivist");
        String moved = Accounts.movedAddress(user);
        assertThat(users.changeEmail(user.accountId(), moved)).isBetween(200, 299);
        assertThat(now().email()).isEqualTo(moved);
    }

    @Test
    void anAccountNoDirectoryHoldsIsA404() {
        assertThatThrownBy(() -> api.directory().accountById("no-such-account"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(api.directory().directoryUser("no-such-account")).isEmpty();
        assertThat(api.organizations().org().id()).isEqualTo(server.orgId());
    }
}
