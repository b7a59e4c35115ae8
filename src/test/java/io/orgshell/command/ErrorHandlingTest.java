package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Errors, retries and bad input, end to end: each error-body shape, 429 with and without Retry-After, a dropped
 * connection, a refused key, an unreachable server. Every failure is one clear line and the right exit code.
 */
class ErrorHandlingTest extends FreshSandboxTest {

    static final String USERS = "GET /admin/v1/orgs/{orgId}/users";
    static final int PAGE_SIZE = 100;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(450).withPageSize(PAGE_SIZE).withSeed(11);
    }

    @AfterEach
    void cleanUp() throws IOException {
        server.faults().clear();
        Files.deleteIfExists(CONFIG_DIR.resolve("config.yml"));
    }

    int pages() {
        return (server.org().managedCount() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        server.faults().add(USERS, 2, Fault.throttle(1));
        long before = server.stats().requests(USERS);
        long start = System.nanoTime();
        Result r = run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().requests(USERS) - before).isEqualTo(pages() + 2);
        // two waits of the server's one second, not the test profile's 20 ms backoff
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void a429WithoutRetryAfterBacksOffAndRetries() {
        server.faults().add(USERS, 3, Fault.throttle(null));
        long before = server.stats().requests(USERS);
        Result r = run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().requests(USERS) - before).isEqualTo(pages() + 3);
    }

    @Test
    void aDroppedConnectionIsRetriedForARead() {
        server.faults().add(USERS, 1, Fault.drop());
        long before = server.stats().requests(USERS);
        Result r = run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().requests(USERS) - before).isEqualTo(pages() + 1);
        assertThat(r.err()).contains("exported");
    }

    @Test
    void retriesAreBoundedAndTheLastErrorIsReported() {
        server.faults()
                .add(
                        USERS,
                        50,
                        Fault.respond(
                                503,
                                "{\"errors\":[{\"status\":\"503\",\"code\":\"ADMIN-503-1\","
                                        + "\"title\":\"Service unavailable\"}]}"));
        long before = server.stats().requests(USERS);
        Result r = run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("503").contains("Service unavailable").contains(USERS);
        assertThat(server.stats().requests(USERS) - before).isEqualTo(1 + 4); // first try + max-retries
        assertThat(Files.exists(tmp.resolve("u.csv"))).isFalse();
        assertThat(Files.exists(tmp.resolve("u.csv.part"))).isFalse();
    }

    @Test
    void applicationErrorShape() {
        writeProfile("wrongorg", server.baseUri().toString(), "00000000-0000-0000-0000-000000000000", server.apiKey());
        Result r = run("connect --profile wrongorg");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("organization not found");
        assertThat(run("status").out())
                .as("a failed connect leaves the previous session as it was")
                .contains(server.orgName())
                .contains("[SANDBOX]");
    }

    @Test
    void gatewayErrorShapeForARefusedKey() {
        writeProfile("badkey", server.baseUri().toString(), server.orgId(), "not-the-key");
        Result r = run("connect --profile badkey");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("the API key was refused").doesNotContain("not-the-key");
    }

    @Test
    void forbiddenShapeOfTheDomainsEndpoint() {
        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", 1, Fault.noPerms("/admin/v1/orgs/x/domains"));
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("403").contains("User has no permission to access resource");
    }

    @Test
    void userManagementShape() {
        server.faults()
                .add(
                        "GET /users/{accountId}/manage/profile",
                        1,
                        Fault.respond(403, "{\"key\":\"forbidden.targetUnverified\"}"));
        Result r = run("users show " + server.org().managedAt(0).accountId());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("forbidden.targetUnverified").contains("not managed by this organization");
    }

    @Test
    void anHtmlPageFromAProxyIsReportedNotParsed() {
        server.faults()
                .add(
                        "GET /admin/v1/orgs/{orgId}/domains",
                        1,
                        Fault.respond(403, "<html><body><h1>Access denied</h1>\u001b[31m</body></html>"));
        Result r = run("domains list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("HTML page").contains("Access denied").doesNotContain("\u001b");
    }

    @Test
    void anUnreachableServerIsOneLineAndExitCode4() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        writeProfile("down", "http://127.0.0.1:" + closedPort, server.orgId(), server.apiKey());
        Result r = run("connect --profile down");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err())
                .contains("cannot connect to 127.0.0.1:" + closedPort)
                .hasLineCount(1);
    }

    @Test
    void aPlainHttpBaseUrlOffLoopbackIsRefused() {
        writeProfile("plain", "http://api.example.com", server.orgId(), server.apiKey());
        Result r = run("connect --profile plain");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("refusing the plain-http base URL");
    }

    @Test
    void aConfigFileWithAKeyReadableByOthersIsRefused() throws IOException {
        Path file = writeProfile("loose", server.baseUri().toString(), server.orgId(), server.apiKey());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Result r = run("connect --profile loose");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("other users can access it").contains("chmod 600");
    }

    @Test
    void aConfigFileWithAProxyPasswordReadableByOthersIsRefused() throws IOException {
        Path file = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                file,
                "profiles:\n  corp:\n    org-id: " + server.orgId() + "\n    base-url: " + server.baseUri()
                        + "\n    proxy: http://ada:s3cret@proxy.corp.example:3128\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("a proxy password").contains("chmod 600").doesNotContain("s3cret");
        Files.delete(file);
    }

    @Test
    void aConfigFileOthersCanWriteIsRefusedEvenWithoutAKey() throws IOException {
        Path file = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                file,
                "profiles:\n  nokey:\n    org-id: " + server.orgId() + "\n    base-url: " + server.baseUri() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        long requestsBefore = server.stats().requests().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        Result r = run("connect --profile nokey");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("can be changed by other users").contains("chmod go-w");
        assertThat(server.stats().requests().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("nothing is sent")
                .isEqualTo(requestsBefore);
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThat(run("nope").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("nope").err()).contains("unknown command 'nope'");
        Result unknownOption = run("domains list --colour red");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.err()).contains("unknown option --colour").contains("--all");
        Result missing = run("users export");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--out");
        Result noValue = run("users export --out");
        assertThat(noValue.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noValue.err()).contains("needs a value");
        Result quote = run("users find \"unclosed");
        assertThat(quote.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(quote.err()).contains("unclosed double quote");
    }

    @Test
    void valuesTheUserGotWrongAreUsageErrorsNamingTheOption() throws IOException {
        Result missing = run("users export --status active");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("'users export' needs --out").doesNotContain("internal error");
        Path file = tmp.resolve("suspend.csv");
        String account = server.org().users().stream()
                .filter(u -> u.managed() && !u.orgAdmin())
                .findFirst()
                .orElseThrow()
                .accountId();
        Files.writeString(file, "account_id\n" + account + "\n");
        Result unknownOp = run("load --op frobnicate " + file);
        assertThat(unknownOp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOp.err()).contains("unknown operation 'frobnicate'").doesNotContain("internal error");
        ok(run("load --op suspend " + file));
        ok(run("preview"));
        Result batch = run("run --yes --batch-size 0");
        assertThat(batch.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(batch.err()).contains("--batch-size must be at least 1");
        Result concurrency = run("run --yes --concurrency 65");
        assertThat(concurrency.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(concurrency.err()).contains("--concurrency must be between 1 and 64");
        assertThat(server.stats().writes().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("nothing is sent")
                .isZero();
    }

    @Test
    void commandsThatNeedASessionSaySoWithExitCode3() {
        sessions.disconnect();
        Result r = run("users export --out x.csv");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("not available").contains("connect");
    }

    Path writeProfile(String name, String baseUrl, String orgId, String key) {
        try {
            Path file = CONFIG_DIR.resolve("config.yml");
            Files.writeString(
                    file,
                    "profiles:\n  " + name + ":\n    org-id: " + orgId + "\n    base-url: " + baseUrl
                            + "\n    api-key: " + key + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
