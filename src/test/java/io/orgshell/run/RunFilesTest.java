package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.CsvFiles;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * What a run leaves on disk after a crash or a power loss, and how it opens: the journal is the source of truth for
 * {@code undo}, {@code runs show} and {@code runs list}; a damaged run is listed, not dropped; every cell written is
 * formula-guarded and reads back exactly.
 */
class RunFilesTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(73);
    }

    /** Runs left unfinished or damaged here; removed so that no other test resumes or lists them. */
    final List<RunDirectory> made = new ArrayList<>();

    @AfterEach
    void back() throws IOException {
        for (RunDirectory d : made) {
            FileSystemUtils.deleteRecursively(d.path());
        }
    }

    /** Runs {@code rows} email moves attended, quitting after the first batch of two: a paused run. */
    RunDirectory pausedAfterTwo(List<SandboxUser> rows) throws IOException {
        ok(run("load "
                + csv(
                        "account_id,email",
                        rows.stream()
                                .map(u -> u.accountId() + "," + Accounts.movedAddress(u))
                                .toList())));
        assertThat(run("preview").all()).contains("OK " + rows.size());
        atTerminal();
        Result first = run("run --batch-size 2", EmailRunTest.answers(new AtomicInteger(), "c", "q"));
        noTerminal();
        assertThat(first.all()).as(first.toString()).contains("applied 2");
        RunDirectory dir = runStore.open(runStore.list().get(0).id());
        made.add(dir);
        return dir;
    }

    /**
     * What a process killed between its reports leaves: the journal holds every result, while run.json,
     * results.csv and undo.csv are those of an earlier report. Made here from a paused run (its files kept), then
     * resumed to the end, with the journal cut back before its closing state line.
     */
    @Test
    void undoShowAndListOfAKilledRunTakeEveryAppliedRowFromTheJournal() throws Exception {
        List<SandboxUser> u = accounts.next(6);
        RunDirectory dir = pausedAfterTwo(u);
        Map<Path, byte[]> stale = new HashMap<>();
        for (Path f : List.of(dir.meta(), dir.results(), dir.undo())) {
            stale.put(f, Files.readAllBytes(f));
        }
        Result resumed = run("resume --yes");
        assertThat(resumed.all()).as(resumed.toString()).contains("applied 6").contains("(finished)");
        byte[] journal = Files.readAllBytes(dir.journal());
        int end = journal.length - 1;
        while (journal[end - 1] != '\n') {
            end--;
        }
        assertThat(new String(journal, end, journal.length - end, StandardCharsets.UTF_8))
                .contains("\"state\"");
        byte[] killed = Arrays.copyOf(journal, end);
        String note = "brought run.json, results.csv and undo.csv up to date from the journal";

        crash(dir, killed, stale);
        assertThat(read(dir.undo())).as("the stale undo.csv").hasSize(2);
        Result list = run("runs list");
        assertThat(list.all()).as(list.toString()).contains(note);
        assertThat(list.out()
                        .lines()
                        .filter(l -> l.startsWith(dir.id() + "\t"))
                        .findFirst()
                        .orElseThrow())
                .as("its process is gone")
                .contains("interrupted")
                .doesNotContain("running")
                .contains("applied 6");

        crash(dir, killed, stale);
        Result show = run("runs show " + dir.id());
        assertThat(show.all())
                .as(show.toString())
                .contains(note)
                .contains("applied 6, already done 0")
                .doesNotContain("pending");

        crash(dir, killed, stale);
        try (RunDirectory.Lock held = dir.lock()) {
            Result busy = run("undo " + dir.id());
            assertThat(busy.exitCode()).as(busy.toString()).isNotZero();
            assertThat(busy.err())
                    .contains("run " + dir.id() + " is still live in another orgshell process (PID "
                            + ProcessHandle.current().pid() + " on ");
        }
        Result undo = run("undo " + dir.id());
        assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(ExitCodes.OK);
        assertThat(undo.all()).contains(note).contains("6 rows for 'email'");
        assertThat(read(dir.undo())).hasSize(6);
        assertThat(run("preview").all()).contains("OK 6");
        assertThat(Files.readAllBytes(dir.journal()))
                .as("the journal is only read")
                .isEqualTo(killed);

        Result again = run("runs show " + dir.id());
        assertThat(again.all())
                .as("once up to date, nothing to do")
                .doesNotContain(note)
                .contains("applied 6");
    }

    static void crash(RunDirectory dir, byte[] journal, Map<Path, byte[]> files) throws IOException {
        Files.write(dir.journal(), journal);
        for (Map.Entry<Path, byte[]> f : files.entrySet()) {
            Files.write(f.getKey(), f.getValue());
        }
    }

    @Test
    void aRunWhoseRunJsonCannotBeReadIsListedAsDamaged() throws Exception {
        RunDirectory dir = oneFinishedRun();
        Files.writeString(dir.meta(), "{\"id\":\"" + dir.id() + "\",\"operation\":\"em"); // torn by a power loss

        Result list = run("runs list");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.OK);
        assertThat(list.out().lines().filter(l -> l.startsWith(dir.id() + "\t")).findFirst())
                .as(list.out())
                .hasValueSatisfying(l -> assertThat(l).contains("damaged").contains("run.json is not a run record"));
        Result show = run("runs show " + dir.id());
        assertThat(show.exitCode()).isNotZero();
        assertThat(show.err().strip().lines())
                .as(show.toString())
                .hasSize(1)
                .first()
                .asString()
                .contains("run " + dir.id() + " is damaged: run.json is not a run record");
        assertThat(show.out()).isEmpty();
    }

    @Test
    void undoOfARunNamingAnOperationThisVersionDoesNotKnowSaysTheRunIsDamaged() throws Exception {
        RunDirectory dir = oneFinishedRun();
        String meta = Files.readString(dir.meta());
        Files.writeString(dir.meta(), meta.replaceFirst("(\"operation\"\\s*:\\s*)\"email\"", "$1\"teleport\""));
        assertThat(Files.readString(dir.meta())).contains("teleport");

        Result undo = run("undo " + dir.id());

        assertThat(undo.exitCode()).as(undo.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(undo.err())
                .contains("run " + dir.id() + " is damaged")
                .contains("teleport")
                .doesNotContain("internal error");
    }

    /** A one-row email move run to the end: the run a test then damages. */
    private RunDirectory oneFinishedRun() throws Exception {
        SandboxUser u = accounts.next(1).get(0);
        ok(run("load " + csv("account_id,email", List.of(u.accountId() + "," + Accounts.movedAddress(u)))));
        ok(run("preview"));
        ok(run("run --yes"));
        RunDirectory dir = runStore.open(runStore.list().get(0).id());
        made.add(dir);
        return dir;
    }

    /**
     * Cells (and a header) that a spreadsheet would run as formulas: plan.csv, steps.csv and results.csv hold them
     * guarded; resume sends exactly the addresses of the plan, and undo puts back exactly the addresses there were.
     */
    @Test
    void everythingARunWritesIsFormulaGuardedAndReadsBackExactly() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        List<String> notes = List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)");
        List<String> targets = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < u.size(); i++) {
            String moved = Accounts.movedAddress(u.get(i));
            String target = i % 2 == 0 ? "-" + moved : "+" + moved;
            targets.add(target);
            lines.add(u.get(i).accountId() + "," + target + ",\"" + notes.get(i).replace("\"", "\"\"") + "\"");
        }
        List<String> before = u.stream()
                .map(x -> server.org().findById(x.accountId()).orElseThrow().email())
                .toList();
        ok(run("load " + csv("account_id,email,=note", lines)));
        assertThat(run("preview").all()).contains("OK 4");
        atTerminal();
        run("run --batch-size 1", EmailRunTest.answers(new AtomicInteger(), "c", "q"));
        noTerminal();
        RunDirectory dir = runStore.open(runStore.list().get(0).id());

        for (Path f : List.of(dir.planFile(), dir.stepsFile(), dir.results(), dir.undo())) {
            List<CSVRecord> all = raw(f);
            assertThat(all).as(f.toString()).isNotEmpty();
            all.forEach(rec -> rec.forEach(cell -> assertThat(cell)
                    .as(f + " line " + rec.getRecordNumber())
                    .doesNotStartWith("=")
                    .doesNotStartWith("+")
                    .doesNotStartWith("-")
                    .doesNotStartWith("@")));
        }
        assertThat(raw(dir.results()).get(0).values()).contains("'=note");

        Result resumed = run("resume --yes");

        assertThat(resumed.all()).as(resumed.toString()).contains("applied 4").contains("(finished)");
        for (int i = 0; i < u.size(); i++) {
            assertThat(server.org().findById(u.get(i).accountId()).orElseThrow().email())
                    .isEqualTo(targets.get(i));
        }
        List<CSVRecord> results = raw(dir.results());
        for (int i = 0; i < u.size(); i++) {
            assertThat(results.get(i + 1).get(2)).isEqualTo("'" + notes.get(i));
        }
        Result undo = run("undo " + dir.id());
        assertThat(undo.all()).as(undo.toString()).contains("4 rows for 'email'");
        assertThat(run("preview").all()).contains("OK 4");
        assertThat(run("run --yes").all()).contains("applied 4");
        for (int i = 0; i < u.size(); i++) {
            assertThat(server.org().findById(u.get(i).accountId()).orElseThrow().email())
                    .isEqualTo(before.get(i));
        }
    }

    static List<CSVRecord> read(Path file) throws IOException {
        return CsvFiles.read(file);
    }

    static List<CSVRecord> raw(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.parse(reader).getRecords();
        }
    }
}
