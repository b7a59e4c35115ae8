package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server that trickles its answer, a few bytes within each read timeout (2 s in tests), is cut off at the
 * whole-response deadline ({@code orgshell.response-deadline}, 5 s in tests) instead of holding the command for
 * the ~29 s its 30 pieces take; the cut is a timeout, retried as one. The sandbox counts the trickles that came to
 * their last piece, so that a cut is seen without timing the command; a write's 204 trickles as a 200 of spaces.
 */
class ResponseDeadlineTest extends FreshSandboxTest {

    static final String DOMAINS = "GET /admin/v1/orgs/{orgId}/domains";
    static final String EMAIL = "PUT /users/{accountId}/manage/email";
    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
    /** The answer's 30 pieces a second apart: about 29 s for the whole of it. */
    static final String TRICKLE = "\"type\":\"trickle\",\"delayMs\":1000";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(40).withSeed(29);
    }

    @Test
    void aTricklingReadIsCutAtTheDeadlineAndAskedAgain() {
        long clean = -server.stats().requests(DOMAINS);
        assertThat(run("domains list").exitCode()).isEqualTo(ExitCodes.OK);
        clean += server.stats().requests(DOMAINS);
        FaultScripts.post(server, "{\"match\":\"" + DOMAINS + "\"," + TRICKLE + "}");
        long before = server.stats().requests(DOMAINS);
        long start = System.nanoTime();

        Result r = run("domains list");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("acme.example");
        assertThat(took).as("not cut before the deadline").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(server.stats().tricklesToTheEnd())
                .as("cut before the answer's last piece")
                .isZero();
        assertThat(server.stats().requests(DOMAINS) - before)
                .as("the trickle, then the retry")
                .isEqualTo(clean + 1);
    }

    @Test
    void anExportPageThatTricklesIsCutAtTheDeadlineAndAskedAgain() throws Exception {
        Path clean = tmp.resolve("clean.csv");
        long searches = -server.stats().requests(SEARCH);
        ok(run("users export --out " + clean));
        searches += server.stats().requests(SEARCH);
        FaultScripts.post(server, "{\"match\":\"" + SEARCH + "\"," + TRICKLE + "}");
        long before = server.stats().requests(SEARCH);
        Path out = tmp.resolve("trickled.csv");

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().tricklesToTheEnd())
                .as("cut before the answer's last piece")
                .isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(clean));
        assertThat(server.stats().requests(SEARCH) - before)
                .as("the trickle, then the retry")
                .isEqualTo(searches + 1);
    }

    @Test
    void aWriteWhoseAnswerTricklesIsReadBackNotSentAgain() throws Exception {
        SandboxUser u = Accounts.plain(server).findFirst().orElseThrow();
        Path plan = Files.writeString(
                tmp.resolve("move.csv"), "account_id,email\n" + u.accountId() + "," + Accounts.movedAddress(u) + "\n");
        ok(run("load " + plan));
        ok(run("preview"));
        FaultScripts.post(server, "{\"match\":\"" + EMAIL + "\"," + TRICKLE + "}");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("applied 1").contains("failed 0");
        assertThat(server.stats().tricklesToTheEnd())
                .as("cut before the answer's last piece")
                .isZero();
        assertThat(server.stats().writes(u.accountId()))
                .as("applied once, not sent again")
                .isEqualTo(1);
    }
}
