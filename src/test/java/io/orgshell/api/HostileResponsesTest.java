package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers of unexpected shapes and hostile text: a clear error or a tolerant read, never a crash or a stack trace. */
class HostileResponsesTest extends FreshSandboxTest {

    static final String USERS = "GET /admin/v1/orgs/{orgId}/users";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(120).withSeed(61);
    }

    @AfterEach
    void clear() {
        server.faults().clear();
    }

    @Test
    void unknownFieldsAndEnumValuesAreTolerated() throws Exception {
        server.faults()
                .add(
                        USERS,
                        1,
                        Fault.respond(
                                200,
                                "{\"data\":[{\"account_id\":\"abc\",\"account_type\":\"robot\","
                                        + "\"account_status\":\"hibernating\",\"name\":\"=cmd|calc\",\"picture\":\"p\",\"brand_new\":{\"x\":1},"
                                        + "\"product_access\":[{\"key\":\"quantum-jira\",\"name\":\"Q\"}]}],\"meta\":{\"total\":1},"
                                        + "\"links\":{\"self\":\"s\"},\"future\":true}"));
        Result r = run("users export --out " + tmp.resolve("u.csv")
                + " --columns account_id,email,name,account_status,account_type,access_billable,product_access");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        String csv = Files.readString(tmp.resolve("u.csv"));
        assertThat(csv).contains("abc,,'=cmd|calc,hibernating,robot").contains("quantum-jira");
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsAClearError() {
        server.faults().add(USERS, 1, Fault.respond(200, "[1,2,3]"));
        Result r = run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("not the expected JSON").contains(USERS).doesNotContain("\tat ");
        server.faults().add(USERS, 1, Fault.respond(200, "<html>maintenance</html>"));
        assertThat(run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable")
                        .err())
                .contains("not the expected JSON");
    }

    @Test
    void missingFieldsDoNotCrash() throws Exception {
        server.faults().add(USERS, 1, Fault.respond(200, "{\"links\":{}}"));
        Result r = run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err().strip())
                .isEqualTo("error: no account to export; " + tmp.resolve("u.csv") + " was not written");
    }

    @Test
    void escapeSequencesInApiTextAreShownNeutralised() {
        SandboxUser u = server.org().managedAt(5);
        server.org()
                .update(
                        u.accountId(),
                        x -> x.withProfile(
                                "Eve\u001b]0;owned\u0007\u001b[2J",
                                x.nickname(),
                                x.zoneinfo(),
                                x.locale(),
                                "\u009b31mboss",
                                x.department(),
                                x.organization(),
                                x.location()));
        Result r = run("users show " + u.accountId());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("Eve\\u001b]0;owned\\u0007\\u001b[2J")
                .doesNotContain("\u001b")
                .doesNotContain("\u009b")
                .doesNotContain("\u0007");
        Result find = run("users find Eve");
        assertThat(find.out()).doesNotContain("\u001b");
    }
}
