package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.support.Accounts;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real JLine loop on an in-memory terminal: typed lines, Ctrl-C, the masked key prompt, the prompt that names
 * the org, and the history file (owner-only, never holding the key).
 */
class InteractiveShellTest extends TerminalShellTest {

    @AfterEach
    void cleanUp() throws Exception {
        Files.deleteIfExists(CONFIG_DIR.resolve("config.yml"));
        sessions.disconnect();
    }

    @Test
    void aSessionTypedAtThePrompt() throws Exception {
        SandboxServer server = sandbox(SandboxConfig.defaults()
                .withUsers(200)
                .withSeed(3)
                .withApiKey("Interactive0Key1With2Mixed3Case4Chars5678"));
        sessions.disconnect();
        Path config = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                config,
                "profiles:\n  nokey:\n    org-id: " + server.orgId() + "\n    base-url: " + server.baseUri() + "\n");
        Path historyFile = Files.createTempDirectory("orgshell-history").resolve("history");

        PipedInputStream keyboard = new PipedInputStream(64 * 1024);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread shell = startShell(keyboard, screen, historyFile, exit);

        Keyboard kb = new Keyboard(keys, screen);
        kb.awaitPrompts(1);
        kb.type("status\n", 2);
        kb.type("domains list\n", 3);
        kb.typeUntilShown("conn", "> \u001b[0mconn"); // drawn by the line editor: the keys have been read
        kb.type("\u0003", 4); // Ctrl-C drops the half-typed line, the shell goes on
        kb.type("connect --profile nokey\n", 5); // asks for the key at a masked prompt
        kb.type(server.apiKey() + "\n", 6);
        kb.type("domains list\n", 7);
        String beforeMistake = kb.screen();
        kb.type("users find --api-key " + server.apiKey() + "\n", 8);
        int beforeHistory = kb.screen().length();
        kb.type("history\n", 9);
        String listed = kb.screen().substring(beforeHistory);
        keys.write("quit\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        shell.join(20_000);

        String out = kb.screen();
        Files.writeString(Path.of("target", "interactive-screen.txt"), out);
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        assertThat(out)
                .contains("orgshell (not connected)>")
                .contains("not connected (run 'connect'")
                .contains("'domains list' is not available")
                .contains("API key for " + server.orgId() + ": ***")
                .contains("connected to")
                .contains(server.orgName() + "\u001b[0m> ")
                .contains("acme.example")
                .doesNotContain("unknown command 'conn");
        assertThat(beforeMistake).as("the masked key is never drawn").doesNotContain(server.apiKey());
        assertThat(listed)
                .as("history lists the typed commands, a secret's line left out")
                .contains("status", "domains list", "connect --profile nokey")
                .doesNotContain("users find");

        String saved = Files.readString(historyFile);
        assertThat(saved)
                .contains("domains list")
                .contains("connect --profile nokey")
                .doesNotContain(server.apiKey())
                .doesNotContain("--api-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(historyFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void batchesAreConfirmedAtTheTerminal() throws Exception {
        SandboxServer server = sandbox(SandboxConfig.defaults()
                .withUsers(200)
                .withSeed(3)
                .withApiKey("Interactive0Key1With2Mixed3Case4Chars5678"));
        sandboxLauncher.use(server.access());
        var movers = server.org().users().stream()
                .filter(u -> u.managed()
                        && !u.idpSynced()
                        && !u.orgAdmin()
                        && u.active()
                        && !u.accountId().equals(server.callerAccountId()))
                .limit(6)
                .toList();
        Path plan = Files.createTempFile("batches", ".csv");
        StringBuilder csv = new StringBuilder("account_id,email\n");
        movers.forEach(u -> csv.append(u.accountId())
                .append(",b")
                .append(u.accountId().hashCode() & 0xffff)
                .append(u.email().substring(0, u.email().indexOf('@')))
                .append("@acme.io\n"));
        Files.writeString(plan, csv.toString());
        Path historyFile = Files.createTempDirectory("orgshell-history").resolve("history");

        PipedInputStream keyboard = new PipedInputStream(64 * 1024);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Thread shell = startShell(keyboard, screen, historyFile, new AtomicInteger());

        Keyboard kb = new Keyboard(keys, screen);
        kb.awaitPrompts(1);
        kb.type("connect --sandbox\n", 2);
        kb.type("load " + plan + "\n", 3);
        kb.type("preview\n", 4);
        String first = "2 writes next: lines 2-3 of " + plan.getFileName() + " (6 left in all) — "
                + "[c]ontinue, [a]ll, [q]uit? ";
        String between = "[c]ontinue, [a]ll remaining, [v]iew failures, [r]etry failed, [q]uit? ";
        kb.typeUntilShown("run --batch-size 2\n", first); // the first question, before any write
        kb.press("\r", first, 2); // Enter alone chooses nothing: the choices are said again
        kb.press("x", first, 3); // nor does a key that is not a choice
        assertThat(server.stats().writes()).isEmpty();
        kb.press("c", between, 1); // one key, no Enter: batch 1 of 3, then the question
        kb.press("v", between, 2); // no failures yet: asked again
        kb.press("c", between, 3); // batch 2, then the question
        kb.press("a", "(finished)", 1); // the rest without asking, back at the prompt
        kb.awaitPrompts(5);
        kb.type("quit\n", 5);
        shell.join(20_000);

        String out = kb.screen().replace("\r\n", "\n");
        assertThat(out)
                .contains(first + "\n" + "answer c, a or q")
                .contains(first + "x\n" + "answer c, a or q")
                .contains(first + "c\n")
                .contains("batch 1")
                .contains("batch 2")
                .doesNotContain("batch 3")
                .contains("no failures so far")
                .contains("applied 6")
                .contains("(finished)");
        assertThat(terminal.getAttributes().getLocalFlags())
                .as("the terminal is as it was before the keys were read")
                .isEqualTo(settingsBefore.getLocalFlags());
        assertThat(terminal.getAttributes().getInputFlags()).isEqualTo(settingsBefore.getInputFlags());
        movers.forEach(u -> assertThat(server.stats().writes(u.accountId())).isEqualTo(1L));
        assertThat(Files.readAllLines(historyFile))
                .as("answers are not commands")
                .anyMatch(l -> l.endsWith("run --batch-size 2"))
                .noneMatch(l -> l.endsWith(":v") || l.endsWith(":c") || l.endsWith(":a") || l.equals("c"));
    }

    /** Ctrl-C at the one-key question: no answer, so the run quits with nothing sent; the terminal is given back. */
    @Test
    void ctrlCAtTheOneKeyQuestionQuitsTheRunAndGivesTheTerminalBack() throws Exception {
        SandboxServer server = sandbox(SandboxConfig.defaults()
                .withUsers(200)
                .withSeed(3)
                .withApiKey("Interactive0Key1With2Mixed3Case4Chars5678"));
        sandboxLauncher.use(server.access());
        Path plan = Files.createTempFile("ctrl-c", ".csv");
        Files.writeString(
                plan,
                "account_id\n"
                        + Accounts.plain(server)
                                .skip(20)
                                .limit(3)
                                .map(u -> u.accountId() + "\n")
                                .collect(Collectors.joining()));
        Path historyFile = Files.createTempDirectory("orgshell-history").resolve("history");
        PipedInputStream keyboard = new PipedInputStream(64 * 1024);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread shell = startShell(keyboard, screen, historyFile, exit);
        Keyboard kb = new Keyboard(keys, screen);
        kb.awaitPrompts(1);
        kb.type("connect --sandbox\n", 2);
        kb.type("load " + plan + " --op suspend\n", 3);
        kb.type("preview\n", 4);
        long writesBefore = server.stats().writes().size();

        kb.typeUntilShown("run\n", "[c]ontinue, [a]ll, [q]uit? ");
        kb.press("\u0003", "(paused)", 1);
        kb.awaitPrompts(5);
        kb.type("status\n", 6); // the shell reads lines as before
        kb.type("quit\n", 6);
        shell.join(20_000);

        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().writes()).hasSize((int) writesBefore);
        assertThat(kb.screen()).contains("pending 3").contains("resume with: resume ");
        assertThat(terminal.getAttributes().getLocalFlags()).isEqualTo(settingsBefore.getLocalFlags());
        assertThat(terminal.getAttributes().getInputFlags()).isEqualTo(settingsBefore.getInputFlags());
    }
}
