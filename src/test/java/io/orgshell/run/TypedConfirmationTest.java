package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The typed confirmation of a destructive run forgives a typo (asked again, three tries in all), and it is the one
 * question before the first write: the batch question is not asked on top of it.
 */
class TypedConfirmationTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(80).withSeed(61);
    }

    private void deactivatePlan(List<SandboxUser> u) throws Exception {
        ok(run("load --op deactivate "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        ok(run("preview"));
        atTerminal();
    }

    @Test
    void aMistypedConfirmationIsAskedAgainAndNothingElseIsAskedBeforeTheFirstWrite() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        deactivatePlan(u);
        String phrase = "deactivate 4 in " + server.orgName();
        Operator operator =
                new Operator(server, "deactivate 4 in elsewhere", "  DEACTIVATE 4  in " + server.orgName(), "q");

        Result r = run("run --batch-size 2", operator);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("that is not '" + phrase + "'; type it as shown (2 tries left)");
        assertThat(operator.prompts)
                .containsExactly(
                        "type '" + phrase + "' to go on: ",
                        "type '" + phrase + "' to go on: ",
                        "[c]ontinue, [a]ll remaining, [v]iew failures, [r]etry failed, [q]uit? ");
        assertThat(operator.writesWhenAsked).as("writes when each was asked").containsExactly(0, 0, 2);
        assertThat(r.out())
                .contains("2 writes next: lines 2-3")
                .contains("batch 1: applied 2")
                .contains("(paused)");
    }

    @Test
    void threeMistypedConfirmationsSendNothing() throws Exception {
        deactivatePlan(accounts.next(3));
        Operator operator = new Operator(server, "deactivate 3", "", "deactivate 30 in " + server.orgName(), "a");

        Result r = run("run", operator);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("not confirmed: nothing was sent");
        assertThat(r.out()).contains("(1 try left)");
        assertThat(operator.prompts).as("three tries").hasSize(3);
        assertThat(server.stats().writes()).isEmpty();
    }
}
