package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;

/**
 * A group that grants administration (the sandbox's {@code site-admins} holds {@code atlassian/site-admin}) is
 * protected like an org admin: preview blocks its changes without {@code --allow-admins}; allowed, they breach the
 * safety limit and need the typed confirmation. A group the org will not describe is taken to grant administration;
 * ordinary groups are unchanged.
 */
class AdminGroupsTest extends FreshSandboxTest {

    static final String ROLES =
            "GET /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/role-assignments";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(41);
    }

    @Test
    void aScriptThatPlansEveryActiveAccountIntoSiteAdminsWritesNothing() {
        Result plan = run("plan group-add site-admins --status active");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);

        Result preview = run("preview");
        assertThat(preview.all())
                .as(preview.toString())
                .contains("grants administration")
                .contains("it holds atlassian/site-admin");
        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("nothing to run");
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void allowedSiteAdminChangesNeedTheOverrideAndAreWritten() throws Exception {
        List<SandboxUser> u = groupAddPlan("site-admins", 3);
        assertThat(run("preview").all()).contains("BLOCKED 3");
        Result allowed = run("preview --allow-admins");
        assertThat(allowed.all()).as(allowed.toString()).contains("OK 3").contains("--override-limit");

        Result refused = run("run --yes");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("change who administers").contains("--override-limit");
        assertThat(server.stats().writes()).isEmpty();

        Result r = run("run --yes --override-limit");
        assertThat(r.all()).as(r.toString()).contains("applied 3");
        SandboxGroup g = server.org().findGroupByName("site-admins").orElseThrow();
        assertThat(u)
                .allSatisfy(x ->
                        assertThat(server.org().isMember(g.id(), x.accountId())).isTrue());
    }

    @Test
    void atATerminalTheChangeIsTypedOrNothingIsSent() throws Exception {
        groupAddPlan("site-admins", 2);
        ok(run("preview --allow-admins"));
        atTerminal();
        List<String> prompts = new ArrayList<>();

        Result r = run("run --override-limit", new InputReader() {
            @Override
            public String readInput(String prompt) {
                prompts.add(prompt);
                return "yes";
            }
        });

        assertThat(prompts).first().asString().startsWith("type 'group-add 2 in ");
        assertThat(r.err()).as(r.toString()).contains("not confirmed: nothing was sent");
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void aGroupTheOrgWillNotDescribeIsProtected() throws Exception {
        groupAddPlan("engineering", 2);
        SandboxGroup g = server.org().findGroupByName("engineering").orElseThrow();
        FaultScripts.post(
                server,
                "{\"match\":\""
                        + ROLES.replace("{groupId}", g.id())
                                .replace("{orgId}", server.orgId())
                                .replace("{directoryId}", "-")
                        + "\",\"type\":\"status\",\"status\":403}");

        Result preview = run("preview");

        assertThat(preview.all()).as(preview.toString()).contains("BLOCKED 2").contains("did not say");
    }

    @Test
    void ordinaryGroupsAreUnchanged() throws Exception {
        groupAddPlan("engineering", 2);
        assertThat(run("preview").all()).contains("OK 2");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 2");
    }

    private List<SandboxUser> groupAddPlan(String group, int n) throws Exception {
        SandboxGroup g = server.org().findGroupByName(group).orElseThrow();
        List<SandboxUser> u = accounts.next(40).stream()
                .filter(x -> !server.org().isMember(g.id(), x.accountId()))
                .limit(n)
                .toList();
        Path plan = Files.createTempFile(tmp, "groups", ".csv");
        Files.writeString(
                plan,
                "account_id,group\n"
                        + String.join(
                                "\n",
                                u.stream().map(x -> x.accountId() + "," + group).toList()) + "\n");
        ok(run("load --op group-add " + plan));
        return u;
    }
}
