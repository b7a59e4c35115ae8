package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An org reached through a proxy that allow-lists only {@code /admin/v1} ({@code scripts/sandbox --no-v2}): v2 is the
 * only directory API, so every command that needs it says so in one line naming the likely cause, exits 1 and writes
 * nothing. There is no v1 fallback (the v1 directory writes are retired).
 */
public class V2OnlyTest extends FreshSandboxTest {

    public static final String LINE = "the org answered 404 to the v2 directory API (";
    public static final String CAUSE =
            "): a proxy that allows only /admin/v1, or a base URL that is not api.atlassian.com; "
                    + "nothing was written";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(51).withV2Enabled(false);
    }

    public static void isTheOneLine(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        String err = r.err().strip();
        // after what the command said on its way, if anything
        assertThat(err.substring(err.lastIndexOf("\nerror: ") + 1))
                .as(r.toString())
                .startsWith("error: " + LINE)
                .contains(" /admin/v2/orgs/{orgId}/")
                .endsWith(CAUSE)
                .doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void aSuspendPlanNamingOrgAdminsIsRefusedAndNothingIsWritten() throws Exception {
        List<String> admins = server.org().users().stream()
                .filter(SandboxUser::orgAdmin)
                .limit(2)
                .map(SandboxUser::accountId)
                .toList();
        assertThat(admins).hasSize(2);
        String plain = Accounts.plain(server).findFirst().orElseThrow().accountId();
        assertThat(run("load --op suspend " + csv("account_id", List.of(admins.get(0), admins.get(1), plain)))
                        .exitCode())
                .isZero();
        isTheOneLine(run("preview"));
        Result ran = run("run --yes");
        assertThat(ran.exitCode()).as(ran.toString()).isNotZero();
        assertThat(server.stats().writes()).isEmpty();
        assertThat(server.stats().requests())
                .as("the retired v1 writes are not tried")
                .noneSatisfy((path, n) -> assertThat(path).contains("/directory/"));
    }

    @Test
    void readsThatNeedTheDirectorySayTheSameLine() {
        SandboxUser u = server.org().managedAt(4);
        isTheOneLine(run("users find " + u.email()));
        isTheOneLine(run("users show " + u.accountId()));
        Path out = tmp.resolve("export.csv");
        isTheOneLine(run("users export --out " + out));
        assertThat(out).doesNotExist();
    }

    @Test
    void whatV1StillServesStillWorks() {
        assertThat(run("orgs list").exitCode()).isEqualTo(ExitCodes.OK);
        Result domains = run("domains list");
        assertThat(domains.exitCode()).as(domains.toString()).isEqualTo(ExitCodes.OK);
        assertThat(domains.out()).contains("acme.example");
    }
}
