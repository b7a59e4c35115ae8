package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.support.Accounts;
import io.orgshell.support.KeyCountingListener;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch modes as a user meets them: a separate JVM per run, exit codes, one-line errors with no stack trace,
 * scripts from a file and from standard input, and the session taken from the environment.
 */
@Slow
class LaunchModesTest {

    record Run(int exitCode, String out, String err) {}

    static SandboxServer sandbox;

    @TempDir
    static Path home;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxServer.start(
                SandboxConfig.defaults().withUsers(300).withSeed(5).withApiKey("launch-test-key-9f8e7d6c5b4a"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void oneCommandOnTheEmbeddedSandbox() throws Exception {
        Run r = run(Map.of(), null, "--sandbox", "domains", "list");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("acme.example").doesNotContain("verified domains");
        assertThat(r.err())
                .as("the count is a message, not a row")
                .contains("verified domains")
                .doesNotContain("error");
    }

    @Test
    void helpBeforeTheCommandPrintsTheLaunchOptionsAndExits0() throws Exception {
        Run r = run(Map.of(), null, "--help");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("usage: orgshell")
                .contains("--sandbox")
                .contains("--file F.shell")
                .contains("--profile NAME")
                .contains("Exit codes");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anUnknownCommandIsOneLineAndExit2() throws Exception {
        Run r = run(Map.of(), null, "nope", "--x");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("error: unknown command 'nope' (type 'help' for the list)");
        Run key = run(Map.of(), null, "--api-key", "abc", "status");
        assertThat(key.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(key.err()).contains("never taken from the command line");
    }

    @Test
    void aScriptSkipsCommentsAndStopsAtTheFirstFailure() throws Exception {
        Path script = home.resolve("read.shell");
        Files.writeString(script, """
                # a comment
                // another comment

                domains list
                users show 000000000000000000000000
                orgs list
                """);
        Run r = run(Map.of(), null, "--sandbox", "--file", script.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("acme.example").doesNotContain("organization");
        assertThat(r.err())
                .contains("no account 000000000000000000000000")
                .contains(script + ":5")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void commandsOnStandardInputRunAsAScript() throws Exception {
        Run r = run(Map.of(), "status\n\n# next fails\nnope\nstatus\n", "--sandbox");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).containsOnlyOnce("[SANDBOX]");
        assertThat(r.err()).contains("<stdin>:4");
    }

    @Test
    void withoutASessionACommandIsUnavailable() throws Exception {
        Run r = run(Map.of(), null, "domains", "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("no organization is connected");
    }

    @Test
    void theEnvironmentConnectsAndTheKeyIsNeverPrintedEvenWithDebug() throws Exception {
        Map<String, String> env = Map.of(
                "ORGSHELL_ORG_ID",
                sandbox.orgId(),
                "ORGSHELL_API_KEY",
                sandbox.apiKey(),
                "ORGSHELL_BASE_URL",
                sandbox.baseUri().toString());
        Run ok = run(env, null, "orgs", "list");
        assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).contains(sandbox.orgName());

        Run failing = run(env, null, "--debug", "users", "show", "000000000000000000000000");
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(failing.err()).contains("no account").contains("\tat ");
        assertThat(ok.out() + ok.err() + failing.out() + failing.err()).doesNotContain(sandbox.apiKey());
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain(sandbox.apiKey());
            }
        }
    }

    @Test
    void theEnvironmentsKeyGoesOnlyToTheEnvironmentsBaseUrl() throws Exception {
        Map<String, String> env = Map.of(
                "ORGSHELL_ORG_ID",
                sandbox.orgId(),
                "ORGSHELL_API_KEY",
                sandbox.apiKey(),
                "ORGSHELL_BASE_URL",
                sandbox.baseUri().toString());
        try (KeyCountingListener listener = new KeyCountingListener()) {
            Run r = run(
                    env,
                    "connect --base-url " + sandbox.baseUri() + "/\nstatus\nconnect --base-url " + listener.baseUri()
                            + "\n");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).contains("connected to");
            assertThat(r.out()).contains(sandbox.orgName());
            assertThat(r.err())
                    .contains("error: no key for " + listener.baseUri() + ": ORGSHELL_API_KEY is for "
                            + sandbox.baseUri() + ", and a key is sent only to the base URL it belongs to")
                    .contains("<stdin>:3");
            assertThat(listener.requests()).as("nothing reached the other port").isZero();
            assertThat(listener.authorizations()).isZero();
        }
        Run embedded = run(env, null, "--sandbox", "status");
        assertThat(embedded.exitCode())
                .as("the embedded sandbox has a key of its own: " + embedded)
                .isEqualTo(ExitCodes.OK);
        assertThat(embedded.out()).contains("[SANDBOX]");
    }

    @Test
    void aScriptFileThatRunsItselfStopsWithOneClearError() throws Exception {
        Path loop = home.resolve("loop.shell");
        Files.writeString(loop, "status\nscript " + loop + "\n");
        Run r = run(Map.of(), null, "--sandbox", "--file", loop.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("error: " + loop + ":2: " + loop + " is already running")
                .doesNotContain("StackOverflowError")
                .doesNotContain("\tat ");
    }

    @Test
    void aPipedRunWithoutYesWritesNothing() throws Exception {
        Map<String, String> env = Map.of(
                "ORGSHELL_ORG_ID",
                sandbox.orgId(),
                "ORGSHELL_API_KEY",
                sandbox.apiKey(),
                "ORGSHELL_BASE_URL",
                sandbox.baseUri().toString());
        StringBuilder csv = new StringBuilder("account_id\n");
        Accounts.plain(sandbox).limit(5).forEach(u -> csv.append(u.accountId()).append('\n'));
        Path plan = Files.writeString(home.resolve("leavers.csv"), csv.toString());
        sandbox.reset();

        Run r = run(env, "load --op suspend " + plan + "\npreview\nrun\n");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("OK 5");
        assertThat(r.err())
                .contains("run in a script needs --yes: nothing was written")
                .contains("<stdin>:3");
        assertThat(sandbox.stats().writes()).as("no account was written").isEmpty();
    }

    @Test
    void homeIsTheHomeVariableForTildeAndTheConfigDirectory(@TempDir Path elsewhere) throws Exception {
        // HOME is not the passwd entry's home (Java's user.home), and no variable names the config directory
        assertThat(elsewhere).isNotEqualTo(Path.of(System.getProperty("user.home")));
        Path config = Files.createDirectories(elsewhere.resolve(".config/orgshell"));
        Files.writeString(
                config.resolve("config.yml"),
                "profiles:\n  here:\n    org-id: " + sandbox.orgId() + "\n    base-url: " + sandbox.baseUri() + "\n");
        ProcessBuilder pb = new ProcessBuilder(OrgShellProcess.command(List.of(), "--profile", "here"));
        OrgShellProcess.environment(
                pb,
                elsewhere,
                Map.of(
                        "ORGSHELL_API_KEY",
                        sandbox.apiKey(),
                        "ORGSHELL_BASE_URL",
                        sandbox.baseUri().toString()));
        pb.environment().remove("ORGSHELL_CONFIG_DIR");
        pb.environment().remove("XDG_CONFIG_HOME");
        Path err = elsewhere.resolve("err.txt");
        pb.redirectOutput(elsewhere.resolve("out.txt").toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write("users export --out ~/u.csv\nplan restore --access suspended\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String messages = Files.readString(err);

        assertThat(p.exitValue())
                .as("the profile was found in $HOME/.config/orgshell: " + messages)
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(elsewhere.resolve("u.csv")))
                .as("~ is $HOME")
                .startsWith("account_id");
        try (var plans = Files.list(config.resolve("plans"))) {
            assertThat(plans.toList())
                    .as("the plan was written under $HOME/.config/orgshell")
                    .hasSize(1);
        }
    }

    static Run run(Map<String, String> env, String stdin, String... args) throws Exception {
        OrgShellProcess.Finished f = OrgShellProcess.run(home, env, stdin, args);
        return new Run(f.exitCode(), f.out(), f.err());
    }
}
