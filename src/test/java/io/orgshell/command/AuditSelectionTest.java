package io.orgshell.command;

import static io.orgshell.support.Accounts.ids;
import static io.orgshell.support.CsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxToken;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The selections of a security audit: {@code --mfa enabled|disabled} and {@code --added-before DATE|D} select
 * exactly the accounts the sandbox's truth says on {@code users export}, {@code plan} and {@code tokens list}, and
 * the export tells each account's MFA in its {@code mfa} column.
 */
class AuditSelectionTest extends FreshSandboxTest {

    static final Instant JOINED_CUT =
            LocalDate.parse("2023-01-01").atStartOfDay().toInstant(java.time.ZoneOffset.UTC);

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(250).withSeed(41);
    }

    /** What the org says: the accounts in its directory that match. */
    List<SandboxUser> truth(Predicate<SandboxUser> p) {
        return Accounts.inDirectory(server, p);
    }

    @Test
    void theExportSelectsByMfaAndJoinDateAndTellsMfaInItsColumn() throws Exception {
        List<SandboxUser> want =
                truth(u -> u.managed() && !u.mfaEnabled() && u.addedToOrg().isBefore(JOINED_CUT));
        assertThat(want).hasSizeGreaterThan(3);
        assertThat(truth(u -> u.managed() && !u.mfaEnabled())).hasSizeGreaterThan(want.size());
        Path out = tmp.resolve("audit.csv");

        Result r = run("users export --mfa disabled --added-before 2023-01-01 --out " + out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = read(out);
        assertThat(rows.stream().map(x -> x.get("account_id")).collect(Collectors.toSet()))
                .isEqualTo(ids(want));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("mfa")).isEqualTo("false"));

        Path all = tmp.resolve("all.csv");
        ok(run("users export --domain acme.example --out " + all));
        Map<String, SandboxUser> byId =
                server.org().users().stream().collect(Collectors.toMap(SandboxUser::accountId, u -> u));
        List<CSVRecord> everyone = read(all);
        assertThat(everyone)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("mfa"))
                        .isEqualTo(
                                String.valueOf(byId.get(row.get("account_id")).mfaEnabled())));
        assertThat(everyone.stream().map(row -> row.get("mfa")).distinct()).hasSize(2);
    }

    @Test
    void aPlanSelectsByMfaAndDaysSinceJoining() throws Exception {
        Instant cut = Instant.now().minus(Duration.ofDays(1000));
        Set<String> want = ids(truth(u -> u.mfaEnabled() && u.addedToOrg().isBefore(cut)));
        Path out = tmp.resolve("plan.csv");

        Result r = run("plan suspend --mfa enabled --added-before 1000d --out " + out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("MFA enabled, added before ");
        assertThat(read(out).stream().map(x -> x.get("account_id")).collect(Collectors.toSet()))
                .isEqualTo(want);
    }

    @Test
    void tokensListSelectsTheOwnersWithoutMfa() {
        Set<String> noMfa = ids(truth(u -> !u.mfaEnabled()));
        Set<String> want = server.tokens().all().stream()
                .filter(t -> noMfa.contains(t.accountId()))
                .map(SandboxToken::id)
                .collect(Collectors.toSet());
        assertThat(want).isNotEmpty();

        Result r = run("tokens list --mfa disabled --json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        Set<String> listed = new HashSet<>();
        doc.get("tokens").forEach(t -> listed.add(t.get("token_id").asString()));
        assertThat(listed).isEqualTo(want);
    }

    @Test
    void badAuditValuesAreOneLineAndExitTwo() {
        for (String line : List.of(
                "users export --out - --mfa maybe",
                "plan suspend --added-before soon",
                "tokens list --added-before " + LocalDate.now().plusDays(3))) {
            Result r = run(line);
            assertThat(r.exitCode()).as(line + " -> " + r).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).as(line).doesNotContain("\n").doesNotContain("Exception");
        }
    }
}
