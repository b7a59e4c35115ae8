package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server that quotes the request's {@code Authorization} header in its error (fault script {@code echo-key}): the
 * key is taken out where the error is read, so the screen, the journal and {@code results.csv} show where it was and
 * never what it is. ({@link ShellTest#run} checks every command's output for the key too, and
 * {@code NoSecretOnDisk} every file the test left.)
 */
class EchoedKeyTest extends FreshSandboxTest {

    static final String REDACTED = "[API key]";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(40).withSeed(83);
    }

    @Test
    void aKeyEchoedInAWriteErrorReachesNeitherScreenNorJournalNorResults() throws Exception {
        List<SandboxUser> users = accounts.next(2);
        Path plan = Accounts.writeEmailMoves(tmp.resolve("moves.csv"), users);
        ok(run("load " + plan));
        ok(run("preview"));
        FaultScripts.post(server, "{\"match\":\"PUT /users/{accountId}/manage/email\",\"type\":\"echo-key\"}");

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 1").contains("failed 1");
        Matcher results = Pattern.compile("results: (\\S+)").matcher(r.err());
        assertThat(results.find()).as(r.err()).isTrue();
        Path runDir = Path.of(results.group(1)).getParent();
        for (Path file : List.of(runDir.resolve("results.csv"), runDir.resolve("journal.jsonl"))) {
            String text = Files.readString(file);
            assertThat(text)
                    .as(file.toString())
                    .contains("Authorization: Bearer " + REDACTED)
                    .doesNotContain(server.apiKey());
        }
    }

    @Test
    void aKeyEchoedInAReadErrorIsNotShown() {
        FaultScripts.post(
                server, "{\"match\":\"GET /admin/v1/orgs/{orgId}/domains\",\"type\":\"echo-key\"," + "\"status\":401}");

        Result r = run("domains list");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("Bearer " + REDACTED).doesNotContain(server.apiKey());
    }

    @Test
    void aKeyEchoedWithEveryCharacterJsonEscapedIsNotShown() {
        FaultScripts.post(
                server,
                "{\"match\":\"GET /admin/v1/orgs/{orgId}/domains\",\"type\":\"echo-key\","
                        + "\"status\":401,\"escaped\":true}");

        Result r = run("domains list");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("Bearer " + REDACTED).doesNotContain(server.apiKey());
    }
}
