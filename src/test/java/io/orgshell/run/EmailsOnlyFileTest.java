package io.orgshell.run;

import static io.orgshell.run.OperationsTest.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A change file that names its accounts by email alone: preview finds the accounts in batched searches, blocks an
 * address no account or two accounts hold, and the run, its files and its undo plan go by the IDs preview found.
 */
class EmailsOnlyFileTest extends FreshSandboxTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(400).withSeed(52);
    }

    SandboxUser now(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow();
    }

    static Path runDirectory(Result r) {
        Matcher results = Pattern.compile("results: (\\S+)").matcher(r.all());
        assertThat(results.find()).as(r.toString()).isTrue();
        return Path.of(results.group(1)).getParent();
    }

    @Test
    void anEmailsOnlySuspendFileRunsByTheAccountsPreviewFoundAndUndoes() throws Exception {
        List<SandboxUser> u = accounts.next(3);
        Path file = Files.writeString(
                tmp.resolve("leavers.csv"),
                "Email\n" + u.get(0).email().toUpperCase(Locale.ROOT) + "\n"
                        + u.get(1).email() + "\nNobody-Here@acme.io\n"
                        + u.get(2).email() + "\n");
        ok(run("load --op suspend " + file));

        Result preview = run("preview");
        assertThat(preview.all())
                .as(preview.toString())
                .contains("OK 3")
                .contains("BLOCKED 1")
                .contains("no account has Nobody-Here@acme.io (line 4)")
                // the address not found as written is asked once more in lower case, the form Atlassian keeps
                .contains("found 3 accounts by email in 2 searches");

        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 3");
        u.forEach(x -> assertThat(now(x).access()).isEqualTo(OrgAccess.SUSPENDED));

        Path dir = runDirectory(r);
        String journal = Files.readString(dir.resolve("journal.jsonl"));
        String undo = Files.readString(dir.resolve("undo.csv"));
        String archive = Files.readString(dir.resolve("plan.csv"));
        for (SandboxUser x : u) {
            assertThat(journal).contains(x.accountId());
            assertThat(undo).contains(x.accountId());
            assertThat(archive).contains(x.accountId());
        }
        assertThat(undo).startsWith("account_id");

        assertThat(run("undo").all()).contains("3 rows for 'restore'");
        assertThat(run("preview").all()).contains("OK 3");
        assertThat(run("run --yes").all()).contains("applied 3");
        u.forEach(x -> assertThat(now(x).access()).isEqualTo(OrgAccess.ACTIVE));
    }

    @Test
    void anAddressTwoAccountsShareIsBlockedNamingBothAndRepeatedAddressesAreConflicts() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        String other = "5b10a2844c20165700ede99a";
        // the org answers the address with two accounts (one per directory that lists a person, or a real clash)
        FaultScripts.post(
                server,
                "{\"match\":\"" + SEARCH + "\",\"type\":\"status\",\"status\":200,\"body\":{\"data\":["
                        + "{\"accountId\":\"" + u.get(0).accountId() + "\",\"email\":\""
                        + u.get(0).email() + "\"},"
                        + "{\"accountId\":\"" + other + "\",\"email\":\""
                        + u.get(0).email() + "\"}],\"links\":{}}}");
        Path file = Files.writeString(
                tmp.resolve("groups.csv"),
                "email\n" + u.get(0).email() + "\n" + u.get(1).email() + "\n"
                        + u.get(1).email().toUpperCase(Locale.ROOT) + "\n");
        ok(run("load --op suspend " + file));

        Result preview = run("preview");
        assertThat(preview.all())
                .as(preview.toString())
                .contains("BLOCKED 3")
                .contains(u.get(0).email() + " is the address of 2 accounts ("
                        + u.get(0).accountId() + ", " + other + ") (line 2)")
                .contains("email " + u.get(1).email() + " also on line 4")
                .contains("also on line 3");
        assertThat(run("run --yes").all()).doesNotContain("applied 1");
        assertThat(server.stats().writes()).isEmpty();
    }

    @Test
    void aFileWithBothColumnsChecksTheAddressAgainstTheAccount() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        ok(run("load --op suspend "
                + csv(
                        "account_id,email",
                        List.of(
                                u.get(0).accountId() + "," + u.get(0).email(),
                                u.get(1).accountId() + "," + u.get(0).email()))));
        Result preview = run("preview");
        assertThat(preview.all())
                .as(preview.toString())
                .contains("OK 1")
                .contains("BLOCKED 1")
                .contains("not " + u.get(0).email() + " as the file says")
                .doesNotContain("by email in");
    }

    @Test
    void aHundredAndTwentyAddressesTakeTwoSearches() throws Exception {
        List<SandboxUser> u = accounts.next(120);
        ok(run("load --op group-add "
                + csv(
                        "email,group",
                        u.stream().map(x -> x.email() + "," + groupName()).toList())));
        long before = server.stats().requests(SEARCH);
        Result preview = run("preview");
        assertThat(preview.all()).as(preview.toString()).contains("found 120 accounts by email in 2 searches");
        // two to find the addresses, and the accounts' groups read by ID or in one pass: a handful, not 120
        assertThat(server.stats().requests(SEARCH) - before).isLessThanOrEqualTo(4);
    }

    String groupName() {
        return server.org().groups().stream()
                .filter(g -> !g.name().contains("admin"))
                .findFirst()
                .orElseThrow()
                .name();
    }

    @Test
    void resumeGoesByTheAccountsPreviewFoundEvenWhenAnAddressHasMovedSince() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        SandboxUser bystander = accounts.next(1).get(0);
        Path file = Files.writeString(
                tmp.resolve("leavers.csv"),
                "email,message\n"
                        + String.join(
                                ",left\n", u.stream().map(SandboxUser::email).toList()) + ",left\n");
        ok(run("load --op deactivate " + file));
        ok(run("preview"));
        atTerminal();
        Result first = run("run --batch-size 2", answers("deactivate " + u.size() + " in " + server.orgName(), "q"));
        assertThat(first.all()).as(first.toString()).contains("batch 1");
        assertThat(server.stats().writes()).hasSize(2);
        noTerminal();

        // the last row's address now belongs to someone else: the run must not follow it
        String address = u.get(3).email();
        server.org().setEmail(u.get(3).accountId(), "moved-" + address);
        server.org().setEmail(bystander.accountId(), address);

        Result resumed = run("resume --yes");
        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        u.forEach(x -> assertThat(now(x).accountStatus()).isEqualTo("inactive"));
        assertThat(now(bystander).accountStatus()).isEqualTo("active");
    }

    @Test
    void excelsUnicodeTextLoadsAndRuns() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        String text =
                "Email\tNote\r\n" + u.get(0).email() + "\tZoë 😀\r\n" + u.get(1).email() + "\t\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        Path file = Files.write(tmp.resolve("Leavers.txt"), bytes.toByteArray());

        Result load = run("load --op suspend " + file);
        assertThat(load.exitCode()).as(load.toString()).isEqualTo(ExitCodes.OK);
        assertThat(load.all())
                .contains("read UTF-16LE text (Excel's Unicode text)")
                .contains("tab-separated");
        assertThat(run("preview").all()).contains("OK 2");
        assertThat(run("run --yes").all()).contains("applied 2");
        u.forEach(x -> assertThat(now(x).access()).isEqualTo(OrgAccess.SUSPENDED));
    }
}
