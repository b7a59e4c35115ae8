package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On an org with one directory: what the connection's directory asks the org, and how often. */
class OrgDirectoryTest extends FreshSandboxTest {

    private static final String DIRECTORIES = "GET /admin/v2/orgs/{orgId}/directories";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(400).withSeed(61);
    }

    Path plan(List<SandboxUser> users) throws Exception {
        Path file = Files.createTempFile(tmp, "plan", ".csv");
        Files.writeString(
                file,
                "account_id\n"
                        + String.join(
                                "\n", users.stream().map(SandboxUser::accountId).toList()) + "\n");
        return file;
    }

    @Test
    void theDirectoryWrittenInIsListedOnceAConnectionHoweverManyWrites() throws Exception {
        List<SandboxUser> u = Accounts.plain(server).limit(30).toList();
        Path plan = plan(u);
        ok(run("load --op suspend " + plan));
        assertThat(run("preview").err()).contains("OK 30");
        assertThat(server.stats().requests(DIRECTORIES))
                .as("only writes need to know the directories")
                .isZero();
        Result suspended = run("run --yes");
        assertThat(suspended.err()).as(suspended.toString()).contains("applied 30");
        ok(run("load --op restore " + plan));
        assertThat(run("preview").err()).contains("OK 30");
        assertThat(run("run --yes").err()).contains("applied 30");

        assertThat(server.stats()
                        .requests(
                                "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}" + "/suspend"))
                .isEqualTo(30);
        assertThat(server.stats().requests(DIRECTORIES))
                .as(server.stats().requests().toString())
                .isEqualTo(1);
        u.forEach(x -> assertThat(
                        server.org().findById(x.accountId()).orElseThrow().access())
                .isEqualTo(OrgAccess.ACTIVE));

        connectTo(server);
        ok(run("load --op suspend " + plan(u.subList(0, 1))));
        ok(run("preview"));
        assertThat(run("run --yes").err()).contains("applied 1");
        assertThat(server.stats().requests(DIRECTORIES))
                .as("a new connection lists it again")
                .isEqualTo(2);
    }

    @Test
    void findAndShowSendNoRequestBeyondTheirOwn() {
        SandboxUser u = server.org().managedAt(7);
        assertThat(run("users find " + u.email()).out()).contains(u.accountId());
        assertThat(run("users show " + u.accountId()).out()).contains("org access");
        assertThat(server.stats().requests(DIRECTORIES)).isZero();
        assertThat(server.stats().requests("GET (unmatched)")).isZero();
    }
}
