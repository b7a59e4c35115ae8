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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code runs list} marks the runs of a sandbox start that is gone and those that can never resume; {@code runs
 * prune} removes the runs chosen, but never an unfinished run of an org that can be reached without {@code --force},
 * nor one a live process holds.
 */
class RunsPruneTest extends FreshSandboxTest {

    static final SandboxConfig CONFIG = SandboxConfig.defaults().withUsers(60).withSeed(41);

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return CONFIG;
    }

    @Test
    void runsListMarksARunOfAGoneSandboxStartAndPruneRemovesItWithoutForce() throws Exception {
        RunMeta gone;
        try (SandboxServer earlier = SandboxServer.start(CONFIG.withOrgId(server.orgId()))) {
            connectTo(earlier);
            gone = pausedAfterOneWrite(accounts.next(2));
        } finally {
            connectTo(server);
        }
        RunMeta here = pausedAfterOneWrite(accounts.next(2));

        String listing = ok(run("runs list")).out();
        assertThat(lineOf(listing, gone.id())).contains("sandbox gone; can never resume");
        assertThat(lineOf(listing, here.id())).doesNotContain("gone").doesNotContain("never");
        String json = ok(run("runs list --json")).out().replace(" ", "");
        assertThat(json).contains("\"sandbox_gone\":true").contains("\"never_resumes\":\"itssandboxstartisgone\"");

        Result pruned = ok(run("runs prune " + gone.id() + " " + here.id()));
        assertThat(pruned.all())
                .contains("removed " + gone.id())
                .contains("kept " + here.id())
                .contains("unfinished, and its org can still be reached")
                .contains("--force")
                .contains("removed 1, kept 1");
        assertThat(runStore.root().resolve(gone.id())).doesNotExist();
        assertThat(runStore.root().resolve(here.id())).isDirectory();
        assertThat(run("runs list").out()).doesNotContain(gone.id());

        ok(run("runs prune --force " + here.id()));
        assertThat(runStore.root().resolve(here.id())).doesNotExist();
    }

    @Test
    void olderThanAndFinishedChooseTheRunsAndDamagedOnesGoToo() throws Exception {
        RunMeta old = finishedRun(accounts.next(1));
        RunMeta recent = finishedRun(accounts.next(1));
        backdate(old, "2025-01-02T03:04:05Z");
        Path damaged = Files.createDirectories(runStore.root().resolve("20250101-000000-suspend-dead"));

        String listing = ok(run("runs list")).out();
        assertThat(lineOf(listing, "20250101-000000-suspend-dead")).contains("can never resume");

        Result r = ok(run("runs prune --older-than 300d"));
        assertThat(r.all()).contains("removed " + old.id()).contains("removed 20250101-000000-suspend-dead");
        assertThat(r.all()).doesNotContain(recent.id());
        assertThat(runStore.root().resolve(old.id())).doesNotExist();
        assertThat(damaged).doesNotExist();
        assertThat(runStore.root().resolve(recent.id())).isDirectory();

        Result finished = ok(run("runs prune --finished " + recent.id()));
        assertThat(finished.all()).contains("removed " + recent.id() + " (suspend, finished, 1 rows");
        assertThat(runStore.root().resolve(recent.id())).doesNotExist();
    }

    @Test
    void aRunALiveProcessHoldsIsKeptEvenWithForce() throws Exception {
        RunMeta held = finishedRun(accounts.next(1));
        try (RunDirectory.Lock lock = runStore.open(held.id()).tryLock("test").orElseThrow()) {
            Result r = ok(run("runs prune --force " + held.id()));
            assertThat(r.all()).contains("kept " + held.id()).contains("in use by another orgshell process");
        }
        assertThat(runStore.root().resolve(held.id())).isDirectory();
    }

    @Test
    void aPruneThatChoosesNothingOrNamesNoRunIsRefused() {
        Result bare = run("runs prune");
        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("say which runs").contains("nothing was removed");
        Result unknown = run("runs prune 20200101-000000-email-none");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no run 20200101-000000-email-none");
        Result age = run("runs prune --older-than soon");
        assertThat(age.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(age.err()).contains("--older-than: 'soon'");
    }

    private static String lineOf(String listing, String id) {
        return listing.lines()
                .filter(l -> l.startsWith(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + id + " in:\n" + listing));
    }

    private void backdate(RunMeta m, String at) throws Exception {
        Path meta = runStore.root().resolve(m.id()).resolve("run.json");
        String json = Files.readString(meta)
                .replaceAll("\"created\"\\s*:\\s*\"[^\"]*\"", "\"created\" : \"" + at + "\"")
                .replaceAll("\"updated\"\\s*:\\s*\"[^\"]*\"", "\"updated\" : \"" + at + "\"");
        Files.writeString(meta, json);
    }

    private RunMeta finishedRun(List<SandboxUser> users) throws Exception {
        load(users);
        ok(run("run --yes"));
        return runStore.list().get(0);
    }

    private RunMeta pausedAfterOneWrite(List<SandboxUser> users) throws Exception {
        load(users);
        atTerminal();
        Result r = run("run --batch-size 1", new Operator(server, "c", "q"));
        noTerminal();
        assertThat(r.all()).as(r.toString()).contains("(paused)");
        return runStore.list().get(0);
    }

    private void load(List<SandboxUser> users) throws Exception {
        Path plan = Files.createTempFile(tmp, "leavers", ".csv");
        Accounts.writeIds(plan, users);
        ok(run("load " + plan + " --op suspend"));
        ok(run("preview"));
    }
}
