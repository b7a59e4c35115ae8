package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.Operator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A write that landed but whose answer was lost, in an org whose reads lag behind its writes: the account read just
 * after still shows the old value. The run has seen the lag (the first batch's accounts, read back before the operator
 * is asked about the second, did not show their writes at once), so it reads the account again until the write
 * shows, and never sends it twice.
 */
class LostAnswerTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(200).withSeed(41);
    }

    @Test
    void aLandedWriteWhoseAnswerWasLostIsFoundNotSentAgain() throws Exception {
        List<SandboxUser> users = Accounts.plain(server).limit(10).toList();
        Path plan = Accounts.writeEmailMoves(tmp.resolve("move.csv"), users);
        ok(run("load " + plan));
        ok(run("preview"));
        SandboxUser lost = users.get(7);
        server.faults().staleReads(Duration.ofSeconds(2));
        server.faults().add("PUT /users/" + lost.accountId() + "/manage/email", Fault.lostAnswer());

        atTerminal();
        Result r = run("run --batch-size 5 --concurrency 1", new Operator(server, "c", "c"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 10");
        assertThat(server.faults().pending()).isZero();
        users.forEach(u -> assertThat(server.stats().writes(u.accountId()))
                .as("writes to " + u.accountId() + " in " + r.all())
                .isEqualTo(1L));
        assertThat(server.org().findById(lost.accountId()).orElseThrow().email())
                .isEqualTo(Accounts.movedAddress(lost));
    }
}
