package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run whose journal cannot be written any more, made real by a file size limit on the process ({@code ulimit -f}:
 * the write that crosses it is cut short, then fails with "File too large", as on a full disk): one message names
 * the run and how to resume, the half-written line is cut off, and a resume without the limit finishes the run
 * with no account written twice.
 */
@Slow
class FullDiskTest {

    static final int ROWS = 100;
    /** KiB: room for the plan's copies in the run directory, not for the journal of every write. */
    static final int FILE_LIMIT_KB = 24;

    static SandboxServer server;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.defaults().withUsers(300).withSeed(89));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheRunWithOneMessageAndResumeFinishesIt() throws Exception {
        List<SandboxUser> users = Accounts.plain(server).limit(ROWS).toList();
        Path plan = Accounts.writeEmailMoves(home.resolve("move.csv"), users);
        Map<String, String> env = Map.of(
                "ORGSHELL_ORG_ID",
                server.orgId(),
                "ORGSHELL_API_KEY",
                server.apiKey(),
                "ORGSHELL_BASE_URL",
                server.baseUri().toString());
        Path script = home.resolve("run.shell");
        Files.writeString(script, "load " + plan + "\npreview\nrun --yes\n");

        OrgShellProcess.Finished full = withFileLimit(env, script);

        Path runs = home.resolve("config").resolve("runs");
        String id;
        try (Stream<Path> dirs = Files.list(runs)) {
            id = dirs.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(full.err().lines().filter(l -> l.startsWith("error:")))
                .as(full.toString())
                .hasSize(1)
                .first()
                .asString()
                .contains("run " + id + " stopped: cannot write the run journal")
                .contains("(File too large)")
                .endsWith("resume " + id);
        assertThat(full.err()).doesNotContain("unexpected error").doesNotContain("Exception");
        Path journal = runs.resolve(id).resolve("journal.jsonl");
        String text = Files.readString(journal);
        assertThat(text).as("the half-written line was cut off").endsWith("\n");
        JsonMapper json = JsonMapper.builder().build();
        text.lines()
                .forEach(l ->
                        assertThat(json.readTree(l).hasNonNull("event")).as(l).isTrue());
        int written = (int) users.stream()
                .filter(u -> server.stats().writes(u.accountId()) > 0)
                .count();
        assertThat(written).as("stopped in the middle").isBetween(1, ROWS - 1);

        OrgShellProcess.Finished resumed = OrgShellProcess.run(home, env, null, "resume", id, "--yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.err()).contains("(finished): applied " + ROWS).doesNotContain("torn");
        users.forEach(u -> assertThat(server.stats().writes(u.accountId()))
                .as("writes to " + u.accountId())
                .isEqualTo(1L));
    }

    /** orgshell reading {@code script} from standard input, no file it writes larger than the limit. */
    static OrgShellProcess.Finished withFileLimit(Map<String, String> env, Path script) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", "-c", "ulimit -f " + FILE_LIMIT_KB + " && exec \"$@\"", "bash"));
        // the JVM's own performance-data file would be larger than the limit
        command.addAll(OrgShellProcess.command(List.of("-XX:-UsePerfData")));
        ProcessBuilder pb = new ProcessBuilder(command);
        OrgShellProcess.environment(pb, home, env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectInput(script.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("orgshell did not finish");
        }
        return new OrgShellProcess.Finished(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
