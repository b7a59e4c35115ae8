package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orgshell.core.ExitCodes;
import io.orgshell.directory.PartitionedWalk;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The world beyond the sandbox's good day, played by its fault script and met through the shell: a throttle asking
 * for a day, Retry-After values that are huge, negative or words, cursors that loop or never end, a proxy answering
 * 302, an error body of any length.
 */
class MisbehavingServerTest extends FreshSandboxTest {

    static final String DOMAINS = "GET /admin/v1/orgs/{orgId}/domains";
    static final String USERS = "GET /admin/v1/orgs/{orgId}/users";
    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(150).withSeed(3);
    }

    @Test
    void aThrottleAskingForADayIsAClearErrorNotAHang() {
        FaultScripts.post(
                server, "{\"match\":\"" + DOMAINS + "\",\"times\":50,\"type\":\"throttle\",\"retryAfter\":86400}");
        long before = server.stats().requests(DOMAINS);
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err())
                .contains("asked to wait 24 h")
                .contains("orgshell.retry.max-wait (3 s)")
                .contains("GET /admin/v1/orgs/{orgId}/domains")
                .doesNotContain("connect");
        assertThat(server.stats().requests(DOMAINS) - before)
                .as("asked once, not again")
                .isEqualTo(1);
    }

    @Test
    void aRunThatMeetsAThrottleAskingForADayStopsCleanlyForResume() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        Path plan = Accounts.writeEmailMoves(tmp.resolve("moves.csv"), users);
        ok(run("load " + plan));
        ok(run("preview"));
        FaultScripts.post(
                server,
                "{\"match\":\"PUT /users/{accountId}/manage/email\",\"times\":100,"
                        + "\"type\":\"throttle\",\"retryAfter\":86400}");

        Result stopped = run("run --yes");

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stopped.all()).contains("asked to wait 24 h").contains("resume");
        assertThat(server.stats().writes()).isEmpty();
        server.faults().clear();
        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("applied 4");
        users.forEach(u -> assertThat(server.stats().writes(u.accountId())).isEqualTo(1));
    }

    @Test
    void ctrlCEndsAWaitForTheServer() throws Exception {
        FaultScripts.post(server, "{\"match\":\"" + DOMAINS + "\",\"type\":\"throttle\",\"retryAfter\":3}");
        long before = server.stats().requests(DOMAINS);
        Thread command = Thread.currentThread();
        Thread ctrlC = new Thread(() -> {
            while (server.stats().requests(DOMAINS) == before) {
                Thread.onSpinWait();
            }
            command.interrupt(); // what the REPL's SIGINT handler does
        });
        ctrlC.start();
        Result r = run("domains list");
        afterCtrlC(ctrlC);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(server.stats().requests(DOMAINS) - before)
                .as("the retry after the wait was never sent")
                .isEqualTo(1);
    }

    @Test
    void ctrlCEndsAnExportWhosePagesWaitForTheServer() throws Exception {
        FaultScripts.post(
                server, "{\"match\":\"" + SEARCH + "\",\"times\":100,\"type\":\"throttle\",\"retryAfter\":3}");
        long before = server.stats().requests(SEARCH);
        Thread command = Thread.currentThread();
        Thread ctrlC = new Thread(() -> {
            while (server.stats().requests(SEARCH) == before) {
                Thread.onSpinWait();
            }
            command.interrupt();
        });
        ctrlC.start();
        Result r = run("users export --out " + tmp.resolve("stopped.csv"));
        afterCtrlC(ctrlC);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        await("no thread left to send a page's search")
                .atMost(Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("orgshell-pages")));
        assertThat(server.stats().requests(SEARCH) - before)
                .as("one search a slice at most, and no retry after the wait")
                .isBetween(1L, (long) PartitionedWalk.AT_ONCE);
        assertThat(tmp.resolve("stopped.csv")).doesNotExist();
        assertThat(tmp.resolve("stopped.csv.part"))
                .as("nothing half-written is left")
                .doesNotExist();
    }

    @Test
    void aRefusedKeyOnAnExportPageSaysWhatTheApiSaid() {
        FaultScripts.post(
                server,
                "{\"match\":\"" + SEARCH + "\",\"times\":100,\"type\":\"status\",\"status\":401,"
                        + "\"body\":{\"code\":401,\"message\":\"Token revoked by an org admin\"}}");
        Result r = run("users export --out " + tmp.resolve("refused.csv"));
        assertThat(r.exitCode()).as(r.toString()).isNotEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("Token revoked by an org admin").doesNotContain("Exception");
    }

    @Test
    void ctrlCEndsARunWhoseWritesWaitForTheServer() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        Path plan = Accounts.writeEmailMoves(tmp.resolve("waiting.csv"), users);
        ok(run("load " + plan));
        ok(run("preview"));
        String put = "PUT /users/{accountId}/manage/email";
        FaultScripts.post(server, "{\"match\":\"" + put + "\",\"times\":100,\"type\":\"throttle\",\"retryAfter\":60}");
        Thread command = Thread.currentThread();
        Thread ctrlC = new Thread(() -> {
            while (server.stats().requests(put) < users.size()) {
                Thread.onSpinWait();
            }
            command.interrupt(); // every write now waits a minute for its retry: none may go out
        });
        ctrlC.start();
        Result stopped = run("run --yes");
        afterCtrlC(ctrlC);
        assertThat(stopped.all()).as(stopped.toString()).contains("resume");
        assertThat(server.stats().requests(put))
                .as("no retry went out after Ctrl-C")
                .isEqualTo(users.size());
        assertThat(server.stats().writes()).isEmpty();

        server.faults().clear();
        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("applied 4");
        users.forEach(u -> assertThat(server.stats().writes(u.accountId())).isEqualTo(1));
    }

    /** The interrupt may still be set when the command returns (Reactor keeps it): clear it, then let the thread end. */
    private static void afterCtrlC(Thread ctrlC) {
        while (ctrlC.isAlive()) {
            try {
                ctrlC.join();
            } catch (InterruptedException e) {
                // the interrupt meant for the command, arriving late
            }
        }
        Thread.interrupted();
    }

    @Test
    void aRetryAfterTooLargeForANumberIsStillAWaitTooLong() {
        FaultScripts.post(
                server,
                "{\"match\":\"" + DOMAINS + "\",\"type\":\"status\",\"status\":429,"
                        + "\"headers\":{\"Retry-After\":\"99999999999999999999\"}}");
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("asked to wait more than a century");
    }

    @Test
    void aRetryAfterThatIsNegativeOrAWordFallsBackToBackoff() {
        long clean = -server.stats().requests(DOMAINS);
        assertThat(run("domains list").exitCode()).isEqualTo(ExitCodes.OK);
        clean += server.stats().requests(DOMAINS);
        FaultScripts.post(
                server,
                "[{\"match\":\"" + DOMAINS + "\",\"type\":\"status\",\"status\":429,"
                        + "\"headers\":{\"Retry-After\":\"-5\"}},{\"match\":\"" + DOMAINS + "\",\"type\":\"status\","
                        + "\"status\":429,\"headers\":{\"Retry-After\":\"soon\"}}]");
        long before = server.stats().requests(DOMAINS);
        Result r = run("domains list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("acme.example");
        assertThat(server.stats().requests(DOMAINS) - before)
                .as("two refused, then the listing")
                .isEqualTo(clean + 2);
    }

    @Test
    void aCursorThatComesBackStopsTheListing() {
        FaultScripts.post(
                server,
                "{\"match\":\"" + DOMAINS + "\",\"times\":300,\"type\":\"pages\"," + "\"cursors\":[\"c1\",\"c2\"]}");
        long before = server.stats().requests(DOMAINS);
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains("cursor of an earlier page again after 3 pages")
                .contains("never end");
        assertThat(server.stats().requests(DOMAINS) - before).isEqualTo(3);
    }

    @Test
    void emptyPagesWithoutEndStopTheListing() {
        FaultScripts.post(server, "{\"match\":\"" + DOMAINS + "\",\"times\":300,\"type\":\"pages\"}");
        long before = server.stats().requests(DOMAINS);
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("20 empty pages in a row");
        assertThat(server.stats().requests(DOMAINS) - before).isEqualTo(CursorWalk.MAX_EMPTY_PAGES_IN_A_ROW);
    }

    @Test
    void pagesFarPastTheAnnouncedTotalStopTheExport() {
        StringBuilder data = new StringBuilder("[");
        for (int i = 0; i < 400; i++) {
            data.append(i == 0 ? "" : ",")
                    .append("{\"account_id\":\"a")
                    .append(i)
                    .append("\",\"email\":\"x")
                    .append(i)
                    .append("@acme.example\",\"account_status\":\"active\"}");
        }
        FaultScripts.post(
                server,
                "{\"match\":\"" + USERS + "\",\"times\":300,\"type\":\"pages\",\"total\":5," + "\"data\":" + data
                        + "]}");
        Path out = tmp.resolve("u.csv");
        Result r = run("users export --out " + out + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("far past the 5 it announced (meta.total)");
        assertThat(out).doesNotExist();
    }

    @Test
    void aRedirectIsNotAnAnswer() {
        FaultScripts.post(
                server,
                "{\"match\":\"" + DOMAINS + "\",\"type\":\"status\",\"status\":302,"
                        + "\"headers\":{\"Location\":\"https://sso.example/login\"},\"body\":\"\"}");
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("302").contains("redirect to https://sso.example/login");
    }

    @Test
    void anErrorBodyOfAnyLengthIsReportedInAFewHundredCharacters() {
        String title = "x".repeat(200_000);
        FaultScripts.post(
                server,
                "{\"match\":\"" + DOMAINS + "\",\"type\":\"status\",\"status\":400,"
                        + "\"body\":{\"errors\":[{\"status\":\"400\",\"code\":\"ADMIN-400-" + "7".repeat(5_000)
                        + "\",\"title\":\"" + title + "\",\"detail\":\"" + title + "\"}]}}");
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("400").hasSizeLessThan(ApiException.MAX_MESSAGE + ApiException.MAX_CODE + 200);
    }
}
