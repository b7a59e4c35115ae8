package io.orgshell.run;

import static io.orgshell.support.CsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.InputReader;
import org.springframework.util.FileSystemUtils;

/**
 * The email change pipeline end to end against the sandbox: load, preview, run in batches, results, undo, resume.
 * The sandbox's own counters prove that no account got a write it should not have.
 */
class EmailRunTest extends FreshSandboxTest {

    static final String PUT_EMAIL = "PUT /users/{accountId}/manage/email";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(600).withSeed(21);
    }

    /** Managed, active, not IdP-synced, not admin, not the caller: accounts any email change may touch. */
    List<SandboxUser> plain(int n) {
        return accounts.next(n);
    }

    SandboxUser first(Predicate<SandboxUser> p) {
        return server.org().users().stream().filter(p).findFirst().orElseThrow();
    }

    static String moved(SandboxUser u) {
        return u.email().substring(0, u.email().indexOf('@')) + "@acme.io";
    }

    Path csv(String name, String header, List<String> lines) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    String email(String accountId) {
        return server.org().findById(accountId).orElseThrow().email();
    }

    @Test
    void aPlanIsPreviewedRunAndUndone() throws Exception {
        List<SandboxUser> movers = plain(10);
        SandboxUser done = plain(1).get(0);
        SandboxUser wrongOld = plain(1).get(0);
        SandboxUser toUnverified = plain(1).get(0);
        SandboxUser synced = first(u -> u.managed() && u.idpSynced());
        SandboxUser admin =
                first(u -> u.managed() && u.orgAdmin() && !u.accountId().equals(server.callerAccountId()));
        SandboxUser caller = server.org().findById(server.callerAccountId()).orElseThrow();
        List<String> lines = new ArrayList<>();
        movers.forEach(u -> lines.add(u.accountId() + "," + u.email() + "," + moved(u)));
        lines.add(done.accountId() + "," + done.email() + "," + done.email());
        lines.add(wrongOld.accountId() + ",someone.else@acme.example," + moved(wrongOld));
        lines.add(toUnverified.accountId() + "," + toUnverified.email() + ",x@acme-legacy.example");
        lines.add("000000000000000000000000,,nobody@acme.io");
        lines.add(synced.accountId() + "," + synced.email() + "," + moved(synced));
        lines.add(admin.accountId() + "," + admin.email() + "," + moved(admin));
        lines.add(caller.accountId() + "," + caller.email() + "," + moved(caller));
        lines.add(plain(1).get(0).accountId() + ",,not-an-email");
        Path file = csv("move.csv", "account_id,old_email,email", lines);

        ok(run("load " + file));
        Result preview = run("preview");
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCodes.OK);
        assertThat(preview.all())
                .contains("OK 10")
                .contains("ALREADY DONE 1")
                .contains("BLOCKED 6")
                .contains("INVALID 1")
                .contains("not a verified domain")
                .contains("identity provider")
                .contains("protected: org admin")
                .contains("protected: this is your own account")
                .contains("account not found")
                .contains("not someone.else@acme.example");
        assertThat(server.stats().writes()).as("preview sends no write").isEmpty();

        Result r = run("run --yes --batch-size 4");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 10, already done 1, skipped 7, failed 0");
        movers.forEach(u -> assertThat(email(u.accountId())).isEqualTo(moved(u)));
        assertThat(email(synced.accountId())).isEqualTo(synced.email());
        assertThat(server.stats().writes())
                .hasSize(10)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));

        RunMeta meta = runStore().list().get(0);
        RunDirectory dir = runStore().open(meta.id());
        List<CSVRecord> results = read(dir.results());
        assertThat(results).hasSize(lines.size());
        assertThat(results.get(0).toMap()).containsKeys("account_id", "old_email", "email", "outcome", "reason");
        assertThat(results).filteredOn(x -> x.get("outcome").equals("applied")).hasSize(10);
        assertThat(read(dir.undo())).hasSize(10);
        assertThat(Files.readString(dir.journal()))
                .contains("\"event\":\"intent\"")
                .contains("\"event\":\"sent\"")
                .contains("\"event\":\"result\"")
                .doesNotContain(server.apiKey());

        Result undo = run("undo " + meta.id());
        assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run("preview").all()).contains("OK 10");
        assertThat(run("run --yes").exitCode()).isEqualTo(ExitCodes.OK);
        movers.forEach(u -> assertThat(email(u.accountId())).isEqualTo(u.email()));
    }

    @Test
    void swapsAndCyclesAreOrderedThroughATemporaryAddress() throws Exception {
        List<SandboxUser> u = plain(5);
        List<String> lines = List.of(
                u.get(0).accountId() + "," + u.get(1).email(),
                u.get(1).accountId() + "," + u.get(0).email(),
                u.get(2).accountId() + "," + u.get(3).email(),
                u.get(3).accountId() + "," + u.get(4).email(),
                u.get(4).accountId() + "," + u.get(2).email());
        assertThat(run("load " + csv("swap.csv", "account_id,email", lines)).exitCode())
                .isZero();
        Result preview = run("preview");
        assertThat(preview.all()).contains("OK 5").contains("(temporary)").contains("2 swap cycle(s)");
        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(email(u.get(0).accountId())).isEqualTo(u.get(1).email());
        assertThat(email(u.get(1).accountId())).isEqualTo(u.get(0).email());
        assertThat(email(u.get(2).accountId())).isEqualTo(u.get(3).email());
        assertThat(email(u.get(3).accountId())).isEqualTo(u.get(4).email());
        assertThat(email(u.get(4).accountId())).isEqualTo(u.get(2).email());
        assertThat(server.stats().writes().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(7);
    }

    @Test
    void aRowChangedOnTheServerAfterPreviewIsSkippedNotOverwritten() throws Exception {
        List<SandboxUser> u = plain(4);
        List<String> lines = u.stream().map(x -> x.accountId() + "," + moved(x)).toList();
        ok(run("load " + csv("changed.csv", "account_id,email", lines)));
        assertThat(run("preview").all()).contains("OK 4");
        server.org().setEmail(u.get(2).accountId(), "changed.meanwhile@acme.example");

        Result r = run("run --yes");

        assertThat(r.all()).contains("applied 3").contains("skipped 1");
        assertThat(email(u.get(2).accountId())).isEqualTo("changed.meanwhile@acme.example");
        assertThat(read(runStore().open(runStore().list().get(0).id()).results()))
                .filteredOn(x -> x.get("outcome").equals("skipped"))
                .singleElement()
                .satisfies(x -> assertThat(x.get("reason")).contains("changed since preview: now changed.meanwhile"));
    }

    @Test
    void throttlingAndServerErrorsDuringARunEndWithEveryRowAppliedOnce() throws Exception {
        List<SandboxUser> u = plain(12);
        ok(run("load "
                + csv(
                        "faults.csv",
                        "account_id,email",
                        u.stream().map(x -> x.accountId() + "," + moved(x)).toList())));
        ok(run("preview"));
        server.faults().add(PUT_EMAIL, 3, Fault.throttle(null));
        server.faults().add(PUT_EMAIL, 2, Fault.respond(503, null));
        server.faults().add(PUT_EMAIL, 1, Fault.drop());

        Result r = run("run --yes --concurrency 3");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 12");
        u.forEach(x -> assertThat(email(x.accountId())).isEqualTo(moved(x)));
        assertThat(server.stats().writes())
                .hasSize(12)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(server.faults().pending()).isZero();
    }

    @Test
    void quitAfterTheFirstBatchThenResume() throws Exception {
        List<SandboxUser> u = plain(9);
        ok(run("load "
                + csv(
                        "quit.csv",
                        "account_id,email",
                        u.stream().map(x -> x.accountId() + "," + moved(x)).toList())));
        ok(run("preview"));
        atTerminal();
        AtomicInteger asked = new AtomicInteger();
        Result first = run("run --batch-size 4", answers(asked, "c", "q"));
        assertThat(asked.get()).as("before the first batch and after it").isEqualTo(2);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.all())
                .contains("batch 1")
                .contains("applied 4")
                .contains("(paused)")
                .contains("resume with");
        assertThat(server.stats().writes()).hasSize(4);

        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("applied 9").contains("(finished)");
        u.forEach(x -> assertThat(email(x.accountId())).isEqualTo(moved(x)));
        assertThat(server.stats().writes())
                .hasSize(9)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(run("resume").err()).contains("no unfinished run");
    }

    @Test
    void aFileWithBomCrlfAndTrailingCommasRuns() throws Exception {
        List<SandboxUser> u = plain(3);
        StringBuilder sb = new StringBuilder("\ufeffaccount_id,old_email,email,\r\n");
        u.forEach(x -> sb.append(x.accountId())
                .append(", ")
                .append(x.email())
                .append(" ,")
                .append(moved(x))
                .append(",\r\n"));
        Path file = tmp.resolve("windows.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        Result load = run("load " + file);
        assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run("preview").all()).contains("OK 3");
        assertThat(run("run --yes").all()).contains("applied 3");
    }

    @Test
    void serverCheckAsksEachOkAccountAndAdminsCanBeAllowed() throws Exception {
        List<SandboxUser> u = plain(3);
        SandboxUser admin = first(x ->
                x.managed() && x.orgAdmin() && !x.idpSynced() && !x.accountId().equals(server.callerAccountId()));
        List<String> lines = new ArrayList<>(
                u.stream().map(x -> x.accountId() + "," + moved(x)).toList());
        lines.add(admin.accountId() + "," + moved(admin));
        ok(run("load " + csv("check.csv", "account_id,email", lines)));
        assertThat(run("preview").all()).contains("OK 3").contains("BLOCKED 1");
        long before = server.stats().requests("GET /users/{accountId}/manage");
        Result checked = run("preview --server-check --allow-admins");
        assertThat(checked.exitCode()).as(checked.toString()).isEqualTo(ExitCodes.OK);
        assertThat(checked.all()).contains("OK 4");
        assertThat(server.stats().requests("GET /users/{accountId}/manage") - before)
                .isEqualTo(4);
    }

    @Test
    void runsAreListedShownAndLockedWhileInUse() throws Exception {
        List<SandboxUser> u = plain(2);
        ok(run("load "
                + csv(
                        "list.csv",
                        "account_id,email",
                        u.stream().map(x -> x.accountId() + "," + moved(x)).toList())));
        assertThat(run("preview").all()).contains("OK 2");
        atTerminal();
        Result first = run("run --batch-size 1", answers(new AtomicInteger(), "c", "q"));
        assertThat(first.all()).as(first.toString()).contains("(paused)");
        noTerminal();
        RunMeta paused = runStore().list().get(0);
        assertThat(paused.state()).isEqualTo(RunState.PAUSED);
        assertThat(run("runs list").out()).contains(paused.id()).contains("paused");
        assertThat(run("runs show " + paused.id()).out()).contains("applied 1").contains(paused.id());
        assertThat(run("runs show nope").err()).contains("no run nope");

        try (RunDirectory.Lock held = runStore().open(paused.id()).lock()) {
            Result locked = run("resume " + paused.id() + " --yes");
            assertThat(locked.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(locked.err()).contains("in use by another orgshell process");
        }
        assertThat(run("resume " + paused.id() + " --yes").all())
                .contains("applied 2")
                .contains("(finished)");
    }

    @Test
    void aTornLastJournalLineIsToleratedAndReported() throws Exception {
        List<SandboxUser> u = plain(4);
        ok(run("load "
                + csv(
                        "torn.csv",
                        "account_id,email",
                        u.stream().map(x -> x.accountId() + "," + moved(x)).toList())));
        ok(run("preview"));
        atTerminal();
        run("run --batch-size 2", answers(new AtomicInteger(), "c", "q"));
        noTerminal();
        RunDirectory dir = runStore().open(runStore().list().get(0).id());
        Files.writeString(
                dir.journal(), "{\"event\":\"result\",\"step\":3,\"outc", java.nio.file.StandardOpenOption.APPEND);

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("torn").contains("applied 4").contains("(finished)");
        assertThat(server.stats().writes())
                .hasSize(4)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(Files.readString(dir.journal())).contains("removed a torn last line");
    }

    /** Power lost in the middle of writing "é": the last line ends inside a two-byte character. */
    @Test
    void aTornLastLineThatEndsInsideACharacterIsToleratedAsTorn() throws Exception {
        List<SandboxUser> u = plain(4);
        RunDirectory dir = pausedAfterTwo(u);
        byte[] start = "{\"event\":\"result\",\"step\":3,\"reason\":\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] torn = Arrays.copyOf(start, start.length + 1);
        torn[start.length] = (byte) 0xC3;
        Files.write(dir.journal(), torn, StandardOpenOption.APPEND);

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("torn").contains("applied 4").contains("(finished)");
        assertThat(server.stats().writes())
                .hasSize(4)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(Files.readString(dir.journal())).contains("removed a torn last line of " + torn.length + " bytes");
    }

    /**
     * A power loss can leave the journal longer than what reached the disk, the rest zeros, a line end among them:
     * that last line is torn too, and is cut away before anything is appended after it.
     */
    @Test
    void aLastLineOfZerosLeftByAPowerLossIsCutAwayBeforeTheJournalGoesOn() throws Exception {
        List<SandboxUser> u = plain(4);
        RunDirectory dir = pausedAfterTwo(u);
        Files.write(dir.journal(), new byte[] {0, 0, 0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all()).contains("torn").contains("applied 4").contains("(finished)");
        assertThat(Files.readString(dir.journal()))
                .contains("removed a torn last line of 7 bytes")
                .doesNotContain("\u0000");
        assertThat(RunJournal.replay(dir.journal()).tornTail()).isFalse();
    }

    /** Bytes that are not UTF-8 with records after them are damage, not a torn write: refused, with the line. */
    @Test
    void aJournalLineThatIsNotUtf8InTheMiddleIsReportedWithItsLineNumber() throws Exception {
        List<SandboxUser> u = plain(4);
        RunDirectory dir = pausedAfterTwo(u);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.journal()));
        byte[] bad = {'{', '"', 0x65, (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'};
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 3) {
                journal.write(bad);
            }
            journal.write((lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.journal(), journal.toByteArray());
        try {
            Result resumed = run("resume --yes");

            assertThat(resumed.exitCode()).as(resumed.toString()).isNotZero();
            assertThat(resumed.err()).contains("journal.jsonl:4: the journal is damaged (not UTF-8");
            assertThat(server.stats().writes()).as("nothing sent").hasSize(2);
        } finally {
            FileSystemUtils.deleteRecursively(dir.path()); // no other test may resume it
        }
    }

    RunDirectory pausedAfterTwo(List<SandboxUser> u) throws IOException {
        ok(run("load "
                + csv(
                        "torn.csv",
                        "account_id,email",
                        u.stream().map(x -> x.accountId() + "," + moved(x)).toList())));
        ok(run("preview"));
        atTerminal();
        assertThat(run("run --batch-size 2", answers(new AtomicInteger(), "c", "q"))
                        .all())
                .contains("applied 2");
        noTerminal();
        return runStore().open(runStore().list().get(0).id());
    }

    RunStore runStore() {
        return applicationContext.getBean(RunStore.class);
    }

    @Autowired
    ApplicationContext applicationContext;

    static InputReader answers(AtomicInteger asked, String... replies) {
        return new InputReader() {
            @Override
            public String readInput(String prompt) {
                int i = asked.getAndIncrement();
                return i < replies.length ? replies[i] : "q";
            }
        };
    }
}
