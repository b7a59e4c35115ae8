package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.api.ApiKey;
import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;

/** One plan at a time, named: what the operator sees is what runs, and a stray key writes nothing. */
class OperatorSeatTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(80).withSeed(29);
    }

    @Test
    void aFailedLoadLeavesNoPlanForTheNextRun() throws Exception {
        Path offboarding = plan("offboarding.csv", accounts.next(3));
        ok(run("load " + offboarding + " --op suspend"));
        ok(run("preview"));
        Path typo = Files.writeString(tmp.resolve("typo.csv"), "acount_idd\n5b10ac8d82e05b22cc7d4ef5\n");

        Result failed = run("load " + typo + " --op deactivate");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.err()).contains("no plan is loaded");
        assertThat(run("status").out()).containsPattern("plan\\s+none loaded");

        Result ran = run("run --yes");
        assertThat(ran.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ran.err()).contains("no plan is loaded");
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void previewAndRunNameThePlanAndAFinishedPlanIsNotRunAgain() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        Path file = plan("leavers.csv", u);
        ok(run("load " + file + " --op suspend"));
        assertThat(run("status").out()).containsPattern("plan\\s+suspend, 2 rows from leavers.csv, not previewed");
        Result preview = run("preview");
        assertThat(preview.err().lines().findFirst().orElseThrow())
                .isEqualTo("preview of suspend, 2 rows from leavers.csv");
        assertThat(run("status").out()).contains("suspend, 2 rows from leavers.csv, previewed");

        Result first = run("run --yes");
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.err().lines().findFirst().orElseThrow())
                .isEqualTo("run of suspend, 2 rows from leavers.csv in " + server.orgName());
        assertThat(server.stats().writes()).hasSize(2);

        Result again = run("run --yes");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already finished this plan").contains("run --again");
        assertThat(run("status").out()).contains("finished by run");
        Result forced = run("run --yes --again");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(forced.err()).contains("already done 2");
        assertThat(server.stats().writes()).hasSize(2);
    }

    @Test
    void enterAloneAtTheBatchQuestionWritesNothing() throws Exception {
        ok(run("load " + plan("two.csv", accounts.next(2)) + " --op suspend"));
        ok(run("preview"));
        atTerminal();
        AtomicInteger asked = new AtomicInteger();
        InputReader enterThenQuit = new InputReader() {
            @Override
            public String readInput(String prompt) {
                return asked.getAndIncrement() == 0 ? "" : "q";
            }
        };
        Result r = run("run --batch-size 1", enterThenQuit);
        assertThat(r.out()).contains("answer c, a or q").contains("(paused)");
        assertThat(asked.get()).isEqualTo(2);
        assertThat(server.stats().writes()).isEmpty();
        noTerminal();
        assertThat(run("resume --yes").exitCode())
                .isEqualTo(ExitCodes.OK); // the other tests of this class find no paused run
    }

    @Test
    void columnsAreNotGuessed() throws Exception {
        SandboxUser u = accounts.next(1).get(0);
        Path typo = Files.writeString(
                tmp.resolve("typo.csv"), "account_id,departmnet,job_title\n" + u.accountId() + ",QA,Chief Tester\n");
        Result near = run("load " + typo + " --op profile");
        assertThat(near.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(near.err())
                .contains("the column 'departmnet' is not one this operation reads")
                .contains("did you mean 'department'?")
                .contains("no plan is loaded");

        Path onlyTypo =
                Files.writeString(tmp.resolve("only-typo.csv"), "account_id,departmnet\n" + u.accountId() + ",QA\n");
        assertThat(run("load " + onlyTypo + " --op profile").err())
                .contains("none of the columns this operation changes is there");
        Path nothing = Files.writeString(tmp.resolve("nothing.csv"), "account_id,ticket\n" + u.accountId() + ",T-1\n");
        assertThat(run("load " + nothing + " --op profile").err())
                .contains("none of the columns this operation changes is there");

        Path extra = Files.writeString(
                tmp.resolve("extra.csv"), "account_id,ticket,job_title\n" + u.accountId() + ",T-1,Chief Tester\n");
        Result kept = run("load " + extra + " --op profile");
        assertThat(kept.exitCode()).as(kept.toString()).isEqualTo(ExitCodes.OK);
        assertThat(kept.err()).contains("kept, not used: ticket");
    }

    @Test
    void disconnectStaysDisconnectedUntilConnect() throws Exception {
        Path config = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                config,
                "default-profile: here\nprofiles:\n  here:\n    org-id: " + server.orgId() + "\n    base-url: "
                        + server.baseUri() + "\n    api-key: " + server.apiKey() + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        try {
            ok(run("disconnect"));
            Result r = run("users find ada");
            assertThat(r.exitCode())
                    .as("no silent reconnect from the default profile")
                    .isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run("status").out())
                    .contains("not connected")
                    .contains("would connect to org " + server.orgId() + " at " + server.baseUri() + ", key from "
                            + "profile here ("
                            + ApiKey.of(server.apiKey()).fingerprint() + ")")
                    .contains("only 'connect' opens it")
                    .doesNotContain(server.apiKey());
            ok(run("connect"));
            assertThat(run("users find ada").exitCode()).isEqualTo(ExitCodes.OK);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    @Test
    void statusStillAnswersWhenTheConfigurationCannotBeUsed() throws Exception {
        Path config = Files.writeString(CONFIG_DIR.resolve("config.yml"), "profiles: 5\n");
        try {
            ok(run("disconnect"));
            Result r = run("status");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(r.out())
                    .contains("not connected")
                    .contains("the settings cannot be used")
                    .contains("'profiles' must map profile names");
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private Path plan(String name, List<SandboxUser> users) throws Exception {
        return Accounts.writeIds(tmp.resolve(name), users);
    }
}
