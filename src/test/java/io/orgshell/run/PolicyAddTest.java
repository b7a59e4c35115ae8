package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code plan policy-add} and {@code --op policy-add} through the shell: the addresses go in bounded batches, one
 * add-users task each (the test profile's batch is 4), each task polled to its per-user outcomes; a task that stays in
 * progress stops the run, and resume polls it again without sending anything again; nothing undoes it.
 */
class PolicyAddTest extends FreshSandboxTest {

    static final String ADD_USERS = "POST /admin/control/v1/orgs/{orgId}/auth-policy/{policyId}/add-users";
    static final String TASK = "GET /admin/control/v1/orgs/{orgId}/auth-policy/task/{taskId}";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(120).withSeed(83);
    }

    /** Each account's policy name, as the sandbox's test endpoint shows it. */
    Map<String, String> policies() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.baseUri() + "/__sandbox/users"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Map<String, String> out = new HashMap<>();
        for (JsonNode u : JsonMapper.builder().build().readTree(r.body())) {
            out.put(
                    u.get("account_id").asString(),
                    u.path("policy").path("name").asString(""));
        }
        return out;
    }

    Path plan(List<SandboxUser> users) throws Exception {
        return csv(
                "account_id,policy,email",
                users.stream()
                        .map(u -> u.accountId() + ",Contractors," + u.email())
                        .toList());
    }

    @Test
    void policiesListNamesThePolicies() {
        Result r = ok(run("policies list"));
        assertThat(r.out()).contains("Default authentication policy").contains("Contractors");
    }

    @Test
    void addressesGoInBoundedBatchesAndEachUsersOutcomeIsRecorded() throws Exception {
        List<SandboxUser> users = accounts.next(10);
        server.faults().policyTask(false, Set.of());
        server.faults().policyTask(false, Set.of(users.get(5).email()));
        ok(run("load " + plan(users) + " --op policy-add"));
        Result preview = ok(run("preview"));
        assertThat(preview.all())
                .contains("OK 10")
                .contains("policy-add cannot be undone: the API does not tell an account's policy before");

        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.all()).contains("applied 9").contains("failed 1");
        assertThat(server.stats().requests(ADD_USERS)).isEqualTo(3);
        Map<String, String> now = policies();
        assertThat(now.get(users.get(0).accountId())).isEqualTo("Contractors");
        assertThat(now.get(users.get(5).accountId())).isEqualTo("Default authentication policy");

        Result undo = run("undo");
        assertThat(undo.exitCode()).isNotEqualTo(ExitCodes.OK);
        assertThat(undo.err()).contains("policy-add cannot be undone").contains("does not tell");
    }

    @Test
    void retryFailedSendsTheFailedAddressInANewTask() throws Exception {
        List<SandboxUser> users = accounts.next(3);
        server.faults().policyTask(false, Set.of(users.get(1).email()));
        ok(run("load " + plan(users) + " --op policy-add"));
        ok(run("preview"));
        long sent = server.stats().requests(ADD_USERS);
        atTerminal();
        Operator operator = new Operator(server, "c", "r", "c", "c");

        Result r = run("run --batch-size 2", operator);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("failed 1")
                .contains("(failed rows again): applied 1")
                .contains("(finished): applied 3");
        // the first batch's task, the retry's own, the second batch's
        assertThat(server.stats().requests(ADD_USERS) - sent).isEqualTo(3);
        assertThat(policies().get(users.get(1).accountId())).isEqualTo("Contractors");
    }

    @Test
    void aFileNamingTwoPoliciesSendsEachAddressToItsOwnPolicy() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        String strict = "Strict sign-in for admins";
        Path file = csv(
                "account_id,policy,email",
                List.of(
                        users.get(0).accountId() + ",Contractors,"
                                + users.get(0).email(),
                        users.get(1).accountId() + "," + strict + ","
                                + users.get(1).email(),
                        users.get(2).accountId() + ",Contractors,"
                                + users.get(2).email(),
                        users.get(3).accountId() + "," + strict + ","
                                + users.get(3).email()));
        long before = server.stats().requests(ADD_USERS);
        ok(run("load " + file + " --op policy-add"));
        ok(run("preview"));

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().requests(ADD_USERS) - before)
                .as("one task a policy")
                .isEqualTo(2);
        Map<String, String> now = policies();
        assertThat(now.get(users.get(0).accountId())).isEqualTo("Contractors");
        assertThat(now.get(users.get(1).accountId())).isEqualTo(strict);
        assertThat(now.get(users.get(2).accountId())).isEqualTo("Contractors");
        assertThat(now.get(users.get(3).accountId())).isEqualTo(strict);
    }

    @Test
    void aTaskStillInProgressStopsTheRunAndResumePollsItWithoutSendingAgain() throws Exception {
        List<SandboxUser> users = accounts.next(3);
        server.faults().policyTask(true, Set.of());
        ok(run("load " + plan(users) + " --op policy-add"));
        ok(run("preview"));

        Result stopped = run("run --yes");
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(stopped.err()).contains("still in progress").contains("resume");
        assertThat(server.stats().requests(ADD_USERS)).isEqualTo(1);
        long polls = server.stats().requests(TASK);
        assertThat(polls).isGreaterThan(2);
        assertThat(policies().get(users.get(0).accountId())).isEqualTo("Default authentication policy");

        server.faults().clear(); // the task goes on
        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("applied 3");
        assertThat(server.stats().requests(ADD_USERS)).isEqualTo(1);
        assertThat(server.stats().requests(TASK)).isGreaterThan(polls);
        assertThat(policies().get(users.get(2).accountId())).isEqualTo("Contractors");
    }

    @Test
    void planPolicyAddBuildsThePlanFromTheDirectory() throws Exception {
        Path out = tmp.resolve("policy.csv");
        Result r = ok(run("plan policy-add Contractors --domain acme.example --status active --out " + out));
        assertThat(r.err()).contains("rows for 'policy-add'");
        Result unknown = run("plan policy-add Nobody --domain acme.example");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no authentication policy 'Nobody'").contains("policies list");
    }
}
