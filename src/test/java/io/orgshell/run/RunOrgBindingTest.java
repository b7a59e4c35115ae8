package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.Operator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run belongs to the org it was made against, and for the embedded sandbox to that start of it: another start
 * has the same org ID and none of the run's writes.
 */
class RunOrgBindingTest extends FreshSandboxTest {

    static final SandboxConfig CONFIG = SandboxConfig.defaults().withUsers(60).withSeed(37);

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return CONFIG;
    }

    @Test
    void aPreviewOfOneSandboxIsNotRunInTheNextOne() throws Exception {
        List<SandboxUser> two = accounts.next(2);
        Path plan = Accounts.writeIds(tmp.resolve("suspend.csv"), two);
        ok(run("load --op suspend " + plan));
        assertThat(run("preview").all()).contains("OK 2");
        try (SandboxServer next = SandboxServer.start(CONFIG.withOrgId(server.orgId()))) {
            connectTo(next);
            Result r = run("run --yes");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("previewed through an earlier connection");
            assertThat(next.stats().writes()).isEmpty();
            assertThat(run("preview").all()).contains("OK 2");
            assertThat(run("run --yes").exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(next.stats().writes()).hasSize(2);
        } finally {
            connectTo(server);
        }
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void aRunOfOneSandboxIsNeitherResumedNorUndoneInTheNextOne() throws Exception {
        RunMeta paused = pausedAfterOneWrite(accounts.next(2));
        assertThat(paused.sandboxInstance()).isEqualTo(server.instanceId());
        assertThat(paused.batchSize()).isEqualTo(1);
        String shortA = server.instanceId().substring(0, 8);

        try (SandboxServer next = SandboxServer.start(CONFIG.withOrgId(server.orgId()))) {
            assertThat(next.orgId()).isEqualTo(server.orgId());
            connectTo(next);
            String shortB = next.instanceId().substring(0, 8);

            Result resume = run("resume " + paused.id() + " --yes");
            assertThat(resume.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(resume.err().strip())
                    .isEqualTo("error: run " + paused.id() + " was made against sandbox " + shortA
                            + " of " + server.orgName() + ", not this one (" + shortB
                            + "): every start of the sandbox is a "
                            + "fresh org with the same ID; it cannot be resumed here");
            assertThat(run("resume --yes").err())
                    .contains("no unfinished run for this organization (")
                    .contains(" unfinished for other organizations or sandbox starts: see 'runs list')");
            Result undo = run("undo " + paused.id());
            assertThat(undo.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(undo.err())
                    .contains("was made against sandbox " + shortA)
                    .contains("cannot be undone here");
            assertThat(run("undo").err()).contains("no runs for this organization yet");
            assertThat(next.stats().writes()).isEmpty();

            assertThat(run("runs list").out()).contains(paused.id()).contains("[sandbox " + shortA + "]");
            assertThat(run("runs show " + paused.id()).out())
                    .contains(", sandbox " + shortA)
                    .contains("not the connected org: resume and undo refuse it here");
            assertThat(complete("resume ")).doesNotContain(paused.id());
            assertThat(complete("undo ")).contains(paused.id());
        }

        connectTo(server);
        assertThat(complete("resume ")).contains(paused.id());
        assertThat(run("runs show " + paused.id()).out()).doesNotContain("not the connected org");
        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("(finished): applied 2");
        assertThat(complete("resume ")).doesNotContain(paused.id());
        assertThat(server.stats().writes()).hasSize(2);
    }

    @Test
    void aRunOfAnotherOrgIsRefusedNamingIt() throws Exception {
        RunMeta paused = pausedAfterOneWrite(accounts.next(2));
        try (SandboxServer other =
                SandboxServer.start(CONFIG.withOrgId(UUID.randomUUID().toString()))) {
            connectTo(other);

            Result resume = run("resume " + paused.id() + " --yes");
            assertThat(resume.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(resume.err().strip())
                    .isEqualTo("error: run " + paused.id() + " belongs to organization " + server.orgName() + " ("
                            + server.orgId() + "), not the one connected: connect to it to resume it");
            assertThat(run("undo " + paused.id()).err()).contains("connect to it to undo it");
            assertThat(other.stats().writes()).isEmpty();
        }
        connectTo(server);
        assertThat(run("resume " + paused.id() + " --yes").exitCode()).isEqualTo(ExitCodes.OK);
    }

    /** An org reached by its URL and key has no sandbox instance: its runs match on the org ID alone. */
    @Test
    void aConnectionToAnOrgByItsKeyMatchesOnTheOrgId() throws Exception {
        Path config = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                config,
                "profiles:\n  direct:\n    org-id: " + server.orgId() + "\n    base-url: " + server.baseUri()
                        + "\n    api-key: " + server.apiKey() + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        try {
            Result connected = run("connect --profile direct");
            assertThat(connected.exitCode()).as(connected.toString()).isEqualTo(ExitCodes.OK);
            RunMeta direct = pausedAfterOneWrite(accounts.next(2));
            assertThat(direct.sandboxInstance()).isNull();

            ok(run("connect --sandbox"));
            Result refused = run("resume " + direct.id() + " --yes");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err())
                    .contains("was made against organization " + server.orgName() + " (" + server.orgId()
                            + "), not this session's sandbox "
                            + server.instanceId().substring(0, 8));
            RunMeta sandboxRun = pausedAfterOneWrite(accounts.next(2));

            ok(run("connect --profile direct"));
            assertThat(run("resume " + sandboxRun.id() + " --yes").err())
                    .contains("not the organization this session is connected to");
            Result resumed = run("resume " + direct.id() + " --yes");
            assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
            assertThat(resumed.all()).contains("(finished): applied 2");
            ok(run("connect --sandbox"));
            assertThat(run("resume " + sandboxRun.id() + " --yes").exitCode()).isEqualTo(ExitCodes.OK);
        } finally {
            Files.deleteIfExists(config);
            connectTo(server);
        }
        assertThat(server.stats().writes()).hasSize(4);
    }

    /** A suspend of these accounts, one a batch, quit after the first write. */
    private RunMeta pausedAfterOneWrite(List<SandboxUser> users) throws Exception {
        Path plan = Files.createTempFile(tmp, "leavers", ".csv");
        Accounts.writeIds(plan, users);
        ok(run("load " + plan + " --op suspend"));
        ok(run("preview"));
        atTerminal();
        Result r = run("run --batch-size 1", new Operator(server, "c", "q"));
        noTerminal();
        assertThat(r.all()).as(r.toString()).contains("(paused)");
        return runStore.list().get(0);
    }
}
