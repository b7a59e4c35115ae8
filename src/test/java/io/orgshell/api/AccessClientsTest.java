package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.ContractValidator;
import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.RecordedExchange;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.session.Session;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workspaces, user roles and authentication-policy clients, against the sandbox, every exchange validated. */
class AccessClientsTest extends ShellTest {

    static final String ADD_USERS = "POST /admin/control/v1/orgs/{orgId}/auth-policy/{policyId}/add-users";
    static final String TASK = "GET /admin/control/v1/orgs/{orgId}/auth-policy/task/{taskId}";

    @Autowired
    Session session;

    SandboxServer server;
    AdminApiClient api;
    final List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void connect() {
        server = connectToFresh(SandboxConfig.defaults().withUsers(60).withSeed(31));
        ExchangeRecorder.onExchange(server, exchanges::add);
        api = session.require().client();
    }

    private void assertContractKept() {
        List<String> problems = new ArrayList<>();
        for (RecordedExchange e : List.copyOf(exchanges)) {
            ContractValidator.shared().problems(e).forEach(p -> problems.add(e.method() + " " + e.path() + ": " + p));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void workspacesNameTheProductsAndRolesAreAssignedAndRevokedOnThem() {
        List<Workspace> workspaces = api.workspaces().workspaces();
        assertThat(workspaces).extracting(Workspace::name).contains("Jira", "Confluence");
        Workspace confluence = workspaces.stream()
                .filter(w -> "confluence".equals(w.typeKey()))
                .findFirst()
                .orElseThrow();
        SandboxUser user = Accounts.plain(server)
                .filter(u -> u.productAccess().stream().noneMatch(p -> p.key().equals("confluence")))
                .findFirst()
                .orElseThrow();

        assertThat(api.roles().assign(user.accountId(), "atlassian/user", confluence.id()))
                .isBetween(200, 299);
        assertThat(products(user)).contains("confluence");

        assertThat(api.roles().revoke(user.accountId(), "atlassian/user", confluence.id()))
                .isBetween(200, 299);
        assertThat(products(user)).doesNotContain("confluence");
        assertContractKept();
    }

    private List<String> products(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow().productAccess().stream()
                .map(p -> p.key())
                .toList();
    }

    @Test
    void addingUsersToAPolicyIsATaskThatEndsWithEachUsersOutcome() {
        List<AuthPolicy> policies = api.policies().policies();
        assertThat(policies).extracting(AuthPolicy::name).contains("Contractors");
        AuthPolicy contractors = policies.stream()
                .filter(p -> p.name().equals("Contractors"))
                .findFirst()
                .orElseThrow();
        List<SandboxUser> users = Accounts.plain(server).limit(3).toList();
        server.faults().policyTask(false, Set.of(users.get(2).email()));

        PolicyTask.Accepted accepted = api.policies()
                .addUsers(
                        contractors.id(), users.stream().map(SandboxUser::email).toList());
        assertThat(accepted.taskId()).isNotBlank();
        PolicyTask task = api.policies().task(accepted.taskId());
        int reads = 1;
        while (task.inProgress() && reads < 10) {
            task = api.policies().task(accepted.taskId());
            reads++;
        }

        assertThat(task.inProgress()).isFalse();
        assertThat(task.users()).hasSize(3);
        assertThat(task.users().get(0).succeeded()).isTrue();
        assertThat(task.users().get(2).failed()).isTrue();
        assertThat(server.stats().requests(ADD_USERS)).isEqualTo(1);
        assertThat(server.stats().requests(TASK)).isEqualTo(reads).isGreaterThan(1);
        assertContractKept();
    }
}
