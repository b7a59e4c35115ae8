package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.ShellTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * The directory cache belongs to a connection: what one org's export taught it is never used for another org, and a
 * connection with no prompt (one command, a script) keeps nothing.
 */
class ConnectionCacheTest extends ShellTest {

    @TempDir
    Path tmp;

    @Autowired
    CompletionProvider completion;

    @Autowired
    CommandRegistry registry;

    SandboxServer orgB;

    @AfterEach
    void stopSecondOrg() {
        sessions.completeAtPrompt(true);
        if (orgB != null) {
            orgB.close();
        }
    }

    @Test
    void withNoPromptAnExportKeepsNoAccountToComplete() throws Exception {
        sessions.completeAtPrompt(false);
        SandboxServer org = connectTo(sandbox(
                SandboxConfig.defaults().withUsers(200).withSeed(1).withOrgId("cccccccc-0000-4000-8000-00000000000c")));
        assertThat(run("users export --out " + tmp.resolve("c.csv")).exitCode()).isEqualTo(ExitCodes.OK);
        String id = org.org().managedAt(3).accountId();
        assertThat(completeAccount(id.substring(0, 8))).isEmpty();

        sessions.completeAtPrompt(true);
        connectTo(org);
        assertThat(run("users export --out " + tmp.resolve("d.csv")).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(completeAccount(id.substring(0, 8))).as("at a prompt").contains(id);
    }

    @Test
    void connectingToAnotherOrgStartsFromAnEmptyCache() throws Exception {
        SandboxServer orgA = connectTo(sandbox(
                SandboxConfig.defaults().withUsers(200).withSeed(1).withOrgId("aaaaaaaa-0000-4000-8000-00000000000a")));
        assertThat(run("users export --out " + tmp.resolve("a.csv")).exitCode()).isEqualTo(ExitCodes.OK);
        SandboxUser onlyInA = orgA.org().managedAt(3);
        String prefix = onlyInA.accountId().substring(0, 8);
        assertThat(completeAccount(prefix))
                .as("the export filled org A's cache")
                .contains(onlyInA.accountId());

        orgB = SandboxServer.start(
                SandboxConfig.defaults().withUsers(200).withSeed(2).withOrgId("bbbbbbbb-0000-4000-8000-00000000000b"));
        assertThat(orgB.org().users())
                .noneMatch(u ->
                        u.accountId().equals(onlyInA.accountId()) || u.email().equalsIgnoreCase(onlyInA.email()));
        connectTo(orgB);

        assertThat(completeAccount(prefix)).as("completion in org B").isEmpty();
        Result show = run("users show " + onlyInA.email());
        assertThat(show.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(show.err())
                .contains("no account with the email " + onlyInA.email())
                .doesNotContain(onlyInA.accountId());

        ok(run("disconnect"));
        assertThat(completeAccount(prefix)).as("completion after disconnect").isEmpty();
        assertThat(completeAccount("")).isEmpty();
    }

    private List<String> completeAccount(String prefix) {
        var command = registry.getCommandByName("users show");
        var ctx = new CompletionContext(List.of("users", "show", prefix), 2, prefix.length(), command, null);
        return completion.apply(ctx).stream().map(CompletionProposal::value).toList();
    }
}
