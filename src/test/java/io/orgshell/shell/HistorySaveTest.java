package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history --save F.shell}: the commands typed in this session become a script that replays them, without the
 * key, without the commands that failed, and with the note that a script's run needs --yes.
 */
class HistorySaveTest extends TerminalShellTest {

    static final String KEY = "Recorded0Key1With2Mixed3Case4Chars5678";

    @TempDir
    Path tmp;

    @Test
    void aSessionSavedAsAScriptReplaysAgainstTheSandbox() throws Exception {
        SandboxServer server =
                sandbox(SandboxConfig.defaults().withUsers(60).withSeed(57).withApiKey(KEY));
        server.reset();
        sessions.disconnect();
        sandboxLauncher.use(server.access());
        List<SandboxUser> leavers = Accounts.plain(server).limit(3).toList();
        Path plan = Accounts.writeIds(tmp.resolve("leavers.csv"), leavers);
        Path script = tmp.resolve("offboarding.shell");
        Path historyFile = tmp.resolve("history");
        Files.writeString(historyFile, "1764900000000:status\n1764900000000:users find from-an-earlier-session\n");

        PipedInputStream keyboard = new PipedInputStream(64 * 1024);
        PipedOutputStream keys = new PipedOutputStream(keyboard);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread shell = startShell(keyboard, screen, historyFile, exit);
        Keyboard kb = new Keyboard(keys, screen);
        kb.awaitPrompts(1);
        kb.type("connect --sandbox\n", 2);
        kb.type("lod " + plan + "\n", 3); // a typo: fails, and must not stop the replay
        kb.type("users find --api-key " + KEY + "\n", 4); // a secret typed by mistake
        kb.type("load " + plan + " --op suspend\n", 5);
        kb.type("preview\n", 6);
        kb.type("run --yes\n", 7);
        kb.type("history --save " + script + "\n", 8);
        kb.type("history --save " + script + "\n", 9);
        int beforeListing = kb.screen().length();
        kb.type("history\n", 10);
        String listed = kb.screen().substring(beforeListing);
        kb.type("history --save " + script + " --force\n", 11);
        keys.write("quit\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        shell.join(20_000);

        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        assertThat(kb.screen())
                .contains("saved 4 commands of this session to " + script)
                .contains(script + " exists; say --force to replace it");
        assertThat(listed).as("history still lists, earlier sessions' included").contains("from-an-earlier-session");
        List<String> lines = Files.readAllLines(script);
        assertThat(lines.get(0)).startsWith("# orgshell commands typed at the prompt, saved ");
        assertThat(lines.stream().filter(l -> l.startsWith("#")))
                .anyMatch(l -> l.contains("run and resume write in a script only with --yes"));
        assertThat(lines.stream().filter(l -> !l.startsWith("#")))
                .containsExactly("connect --sandbox", "load " + plan + " --op suspend", "preview", "run --yes");
        assertThat(lines)
                .contains("# failed (exit " + ExitCodes.USAGE + "): lod " + plan)
                .contains("# (a line that held a secret was left out)")
                .noneMatch(l -> l.contains("from-an-earlier-session") || l.contains("history"));
        assertThat(Files.readString(script)).doesNotContain(KEY).doesNotContain("api-key");

        // the org as it was before the session, then the script on its own
        server.reset();
        sessions.disconnect();
        sandboxLauncher.use(server.access()); // the script's 'connect --sandbox' reaches this sandbox again
        leavers.forEach(u -> assertThat(
                        server.org().findById(u.accountId()).orElseThrow().access())
                .isEqualTo(OrgAccess.ACTIVE));
        noTerminal();
        Result replay = run("script " + script);
        assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replay.all()).contains("applied 3");
        leavers.forEach(u -> assertThat(
                        server.org().findById(u.accountId()).orElseThrow().access())
                .isEqualTo(OrgAccess.SUSPENDED));
    }
}
