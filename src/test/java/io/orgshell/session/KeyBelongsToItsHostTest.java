package io.orgshell.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.KeyCountingListener;
import io.orgshell.support.NoSecretOnDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;

/**
 * A profile's key goes only to its profile's base URL: a {@code connect --base-url} elsewhere is refused in a script
 * before anything is sent, and at a terminal asks for the key of that other place. (The environment's key is held
 * to {@code ORGSHELL_BASE_URL} the same way; LaunchModesTest shows it, as only a process of its own has that
 * environment.)
 */
class KeyBelongsToItsHostTest extends FreshSandboxTest {

    static KeyCountingListener listener;
    static SandboxServer elsewhere;

    @BeforeAll
    static void startTheOtherPlaces() throws IOException {
        listener = new KeyCountingListener();
        elsewhere = SandboxServer.start(SandboxConfig.defaults()
                .withUsers(20)
                .withSeed(47)
                .withOrgId("7e1c0b52-4f5a-4d7e-9b7a-2f0e8d6c5b4a")
                .withApiKey("elsewhere-key-5a4b3c2d1e0f"));
        NoSecretOnDisk.register(elsewhere.apiKey());
    }

    @AfterAll
    static void stopTheOtherPlaces() {
        listener.close();
        elsewhere.close();
    }

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(50).withSeed(46);
    }

    @BeforeEach
    void connectWithAProfile() throws IOException {
        Path config = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                config,
                "profiles:\n  home:\n    org-id: " + server.orgId() + "\n    base-url: " + server.baseUri()
                        + "\n    api-key: " + server.apiKey() + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    @AfterEach
    void removeTheProfile() throws IOException {
        Files.deleteIfExists(CONFIG_DIR.resolve("config.yml"));
    }

    @Test
    void aScriptCannotSendAProfilesKeyToAnotherPort() {
        noTerminal();
        Result same = run("connect --profile home --base-url " + server.baseUri() + "/");
        assertThat(same.exitCode())
                .as("the same scheme, host and port: " + same)
                .isEqualTo(ExitCodes.OK);

        Result refused = run("connect --profile home --base-url " + listener.baseUri());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err().strip())
                .isEqualTo("error: no key for " + listener.baseUri() + ": the key of profile "
                        + "home is for " + server.baseUri()
                        + ", and a key is sent only to the base URL it belongs to; connect "
                        + "there at a terminal to type its key (nothing was sent)");
        assertThat(listener.requests()).as("nothing reached the other port").isZero();
        assertThat(listener.authorizations()).isZero();
    }

    @Test
    void atATerminalTheKeyForAnotherHostIsTypedAtTheMaskedPrompt() {
        atTerminal();
        List<String> prompts = new ArrayList<>();
        InputReader keyboard = new InputReader() {
            @Override
            public char[] readPassword(String prompt) {
                prompts.add(prompt);
                return elsewhere.apiKey().toCharArray();
            }
        };

        Result r = run(
                "connect --profile home --org-id " + elsewhere.orgId() + " --base-url " + elsewhere.baseUri(),
                keyboard);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(prompts)
                .containsExactly("API key for " + elsewhere.orgId() + " at " + elsewhere.baseUri()
                        + " (the key of profile home is for " + server.baseUri() + "): ");
        assertThat(run("status").out())
                .contains(elsewhere.orgId())
                .contains(elsewhere.baseUri().toString());

        prompts.clear();
        ok(run("connect --profile home", keyboard));
        assertThat(prompts)
                .as("at its own base URL the profile's key needs no prompt")
                .isEmpty();
    }
}
