package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The key revoked or expired in the middle of a run: the org answers 401 (or 403 to everything) from some write
 * on. The run stops for {@code resume} with exit 5 and one message, instead of failing every remaining row; resume
 * with a working key finishes it, writing no account twice. A 403 about one account's write still fails that row.
 */
class KeyRefusedMidRunTest extends FreshSandboxTest {

    static final String V2_USERS = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users";
    static final String SEARCH = "POST " + V2_USERS + "/search";
    static final String SUSPEND = "POST " + V2_USERS + "/{accountId}/suspend";
    static final String DIRECTORIES = "GET /admin/v2/orgs/{orgId}/directories";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(200).withSeed(31);
    }

    @Test
    void a401AfterThreeWritesStopsTheRunForResume() throws Exception {
        assertStopsForResumeWhenEverythingAnswers(
                401, "{\"code\":401,\"message\":\"Unauthorized; scope does not match\"}");
    }

    @Test
    void a403ToEveryRequestAfterThreeWritesStopsTheRunForResume() throws Exception {
        assertStopsForResumeWhenEverythingAnswers(403, "{\"code\":403,\"message\":\"Forbidden\"}");
    }

    private void assertStopsForResumeWhenEverythingAnswers(int status, String body) throws Exception {
        List<SandboxUser> u = suspendPlanOf(10);
        // the run's first requests pass: its re-read, the org's directories (asked once, before the first write)
        FaultScripts.post(
                server,
                "[{\"match\":\"" + SEARCH + "\",\"type\":\"delay\",\"delayMs\":0},"
                        + "{\"match\":\"" + DIRECTORIES + "\",\"type\":\"delay\",\"delayMs\":0},"
                        + "{\"match\":\"" + SUSPEND + "\",\"times\":3,\"type\":\"delay\",\"delayMs\":0},"
                        + "{\"match\":\"*\",\"times\":1000,\"type\":\"status\",\"status\":" + status + ",\"body\":"
                        + body + "}]");

        Result r = run("run --yes --concurrency 1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")))
                .as(r.toString())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("the API key was refused (" + status)
                        .contains("resume "));
        RunMeta stopped = store().list().get(0);
        assertThat(stopped.state()).isEqualTo(RunState.INTERRUPTED);
        assertThat(stopped.counts().get(Outcome.FAILED)).isZero();
        assertThat(stopped.counts().pending()).isEqualTo(10);
        assertThat(u.stream().filter(x -> access(x) == OrgAccess.SUSPENDED)).hasSize(3);
        server.faults().clear();

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("applied 10, already done 0, skipped 0, failed 0");
        assertThat(u).allSatisfy(x -> {
            assertThat(access(x)).isEqualTo(OrgAccess.SUSPENDED);
            assertThat(server.stats().writes(x.accountId())).isEqualTo(1L);
        });
    }

    @Test
    void a403AboutOneAccountFailsThatRowOnly() throws Exception {
        List<SandboxUser> u = suspendPlanOf(4);
        FaultScripts.post(
                server,
                "{\"match\":\"POST /admin/v2/orgs/" + server.orgId() + "/directories/"
                        + server.org().directory().id() + "/users/" + u.get(1).accountId()
                        + "/suspend\",\"type\":\"status\","
                        + "\"status\":403}");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.all())
                .contains("applied 3, already done 0, skipped 0, failed 1")
                .contains("(finished)");
        assertThat(access(u.get(1))).isEqualTo(OrgAccess.ACTIVE);
    }

    private List<SandboxUser> suspendPlanOf(int n) throws Exception {
        List<SandboxUser> u = accounts.next(n);
        Path plan = Files.createTempFile(tmp, "suspend", ".csv");
        Files.writeString(
                plan,
                "account_id\n"
                        + String.join(
                                "\n", u.stream().map(SandboxUser::accountId).toList()) + "\n");
        ok(run("load --op suspend " + plan));
        assertThat(run("preview").all()).contains("OK " + n);
        return u;
    }

    private OrgAccess access(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow().access();
    }

    private RunStore store() {
        return applicationContext.getBean(RunStore.class);
    }

    @Autowired
    ApplicationContext applicationContext;
}
