package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Preview rows a person can read: the account's email and name on every row, a profile or group change as its value
 * before and after (not the JSON or {@code in:<id>} the run compares), and a table that fits 80 columns.
 */
class PreviewRowsTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(80).withSeed(47);
    }

    Path csv(String header, String... lines) throws IOException {
        Path file = Files.createTempFile(tmp, "plan", ".csv");
        Files.writeString(file, header + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void aProfileRowShowsWhoAndTheValueBeforeAndAfter() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        SandboxUser moving = u.get(0);
        SandboxUser same = u.get(1);
        ok(run("load --op profile "
                + csv(
                        "account_id,department",
                        moving.accountId() + ",Finance Ops",
                        same.accountId() + "," + same.department())));
        Result r = run("preview --all");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("Line\tAccount\tEmail\tName\tChange\tVerdict\tWhy")
                .contains(moving.accountId() + "\t" + moving.email() + "\t" + moving.name() + "\tdepartment: "
                        + moving.department() + " → Finance Ops\tOK")
                .contains(same.email() + "\t" + same.name() + "\tdepartment: " + same.department() + "\tALREADY DONE")
                .doesNotContain("{")
                .doesNotContain("}");
    }

    @Test
    void aGroupRowSaysMemberOrNot() throws Exception {
        SandboxGroup engineering = server.org().findGroupByName("engineering").orElseThrow();
        SandboxUser outside = accounts.next(8).stream()
                .filter(x -> !server.org().isMember(engineering.id(), x.accountId()))
                .findFirst()
                .orElseThrow();
        ok(run("load --op group-add " + csv("account_id,group", outside.accountId() + ",engineering")));
        Result r = run("preview --all");
        assertThat(r.out())
                .contains(outside.email() + "\t" + outside.name() + "\tgroup engineering: not a member → member\tOK")
                .doesNotContain("in:")
                .doesNotContain("out:");
    }

    @Test
    void atAnEightyColumnTerminalThePreviewFits() throws Exception {
        List<SandboxUser> u = accounts.next(3);
        SandboxUser synced = server.org().users().stream()
                .filter(x -> x.managed() && x.idpSynced() && !x.orgAdmin())
                .findFirst()
                .orElseThrow();
        ok(run("load --op profile "
                + csv(
                        "account_id,department,job_title",
                        u.get(0).accountId() + ",Finance and Operations,Principal Reliability Engineer",
                        u.get(1).accountId() + "," + u.get(1).department() + ","
                                + u.get(1).jobTitle(),
                        synced.accountId() + ",Finance,Engineer")));
        outputToTerminal(80, false);
        Result r = run("preview --all");
        assertThat(r.out().lines()).as(r.out()).allMatch(l -> l.codePointCount(0, l.length()) <= 80);
        assertThat(r.out())
                .contains("ALREADY DONE")
                .contains("BLOCKED")
                .contains(u.get(0).email())
                .contains(u.get(0).name());
    }

    @Test
    void aBlockedEmailRowShowsTheAddressItAskedFor() throws Exception {
        SandboxUser mover = accounts.next(1).get(0);
        String unverified = mover.email().substring(0, mover.email().indexOf('@')) + "@nowhere.example";
        ok(run("load " + csv("account_id,email", mover.accountId() + "," + unverified)));
        Result r = run("preview");
        assertThat(r.out()).contains(mover.email() + " → " + unverified + "\tBLOCKED");
    }

    @Test
    void aBlockedAdminRowStatesNoAddressAsItsAccess() throws Exception {
        SandboxUser admin = server.org().users().stream()
                .filter(x -> x.managed() && x.orgAdmin())
                .findFirst()
                .orElseThrow();
        run("load --op suspend " + csv("account_id", admin.accountId()));
        Result r = run("preview");
        assertThat(r.out())
                .contains(admin.accountId() + "\t" + admin.email() + "\t" + admin.name() + "\t\tBLOCKED\tprotected: ")
                .doesNotContain("access: " + admin.email());
        String json = run("preview --json").out();
        assertThat(json)
                .contains("\"email\": \"" + admin.email() + "\"")
                .doesNotContain("\"current\": \"" + admin.email());
    }
}
