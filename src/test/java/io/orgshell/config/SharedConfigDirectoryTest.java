package io.orgshell.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.run.RunStore;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A config directory the user pointed orgshell at keeps its mode (a shared {@code 1777} folder keeps its sticky bit),
 * and a {@code config.yml} in it that another user owns is not read.
 */
class SharedConfigDirectoryTest extends FreshSandboxTest {

    private static final int STICKY_WORLD_WRITABLE = 01777;

    @Autowired
    RunStore runs;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(100).withSeed(45);
    }

    @AfterEach
    void restore() throws IOException {
        Files.deleteIfExists(CONFIG_DIR.resolve("config.yml"));
        Files.setPosixFilePermissions(CONFIG_DIR, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aStickyWorldWritableConfigDirectoryKeepsItsModeThroughARun() throws IOException {
        Files.setAttribute(CONFIG_DIR, "unix:mode", STICKY_WORLD_WRITABLE);
        Path plan = Files.writeString(
                tmp.resolve("one.csv"),
                "account_id\n"
                        + Accounts.plain(server).findFirst().orElseThrow().accountId() + "\n");
        ok(run("load --op suspend " + plan));
        ok(run("preview"));

        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(mode(CONFIG_DIR))
                .as("the sticky bit and the mode the user gave")
                .isEqualTo(STICKY_WORLD_WRITABLE);
        Path runDir = runs.root().resolve(runs.list().get(0).id());
        assertThat(mode(runDir)).as("what orgshell creates is owner-only").isEqualTo(0700);
    }

    @Test
    void aConfigFileAnotherUserOwnsIsRefusedBeforeItIsRead() throws Exception {
        Path file = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                file,
                "profiles:\n  theirs:\n    org-id: " + server.orgId() + "\n    base-url: " + server.baseUri() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        long otherUser = handToAnotherUser(file);
        long requestsBefore = requests();

        Result r = run("connect --profile theirs");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(file + " belongs to another user (uid " + otherUser + ", you are ")
                .contains("orgshell reads profiles only from a file you own");
        assertThat(requests()).as("nothing is sent").isEqualTo(requestsBefore);
    }

    /** As root, chown; otherwise the file becomes a link to one of root's, which is just as foreign. */
    private long handToAnotherUser(Path file) throws IOException {
        Path probe = Files.createTempFile(tmp, "me", "");
        int me = (Integer) Files.getAttribute(probe, "unix:uid");
        if (me == 0) {
            Files.setAttribute(file, "unix:uid", 65534);
            return 65534;
        }
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/etc/passwd"));
        return 0;
    }

    private long requests() {
        return server.stats().requests().values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
    }
}
