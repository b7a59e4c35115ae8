package io.orgshell.command;

import static io.orgshell.support.CsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preview ends with its counts per verdict and per reason, shows or writes the rows of the verdicts asked for, and
 * a sweep of inactive accounts leaves out those already where it would take them and shows each one's last
 * activity.
 */
class PreviewSummaryTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(23);
    }

    /** Two accounts to suspend, two already suspended, three IDs the org has not. */
    private Path mixedSuspendFile() throws Exception {
        List<SandboxUser> users = accounts.next(4);
        users.subList(2, 4).forEach(u -> server.org().update(u.accountId(), x -> x.withAccess(OrgAccess.SUSPENDED)));
        String ids = users.stream().map(SandboxUser::accountId).collect(Collectors.joining("\n"));
        return csv("account_id", List.of(ids, "nobody-0001", "nobody-0002", "nobody-0003"));
    }

    @Test
    void previewCountsEachVerdictByReasonOnScreenAndInJson() throws Exception {
        noTerminal();
        ok(run("load " + mixedSuspendFile() + " --op suspend"));
        String screen = ok(run("preview")).all();
        assertThat(screen)
                .contains("OK 2  ALREADY DONE 2  BLOCKED 3  INVALID 0")
                .containsPattern("BLOCKED 3: account not found in this organization 3")
                .containsPattern("ALREADY DONE 2: already [a-z ]+ 2");

        JsonNode json =
                JsonMapper.builder().build().readTree(ok(run("preview --json")).out());
        assertThat(json.get("counts").get("blocked").asLong())
                .as("the existing keys stay")
                .isEqualTo(3);
        assertThat(json.get("counts").get("ok").asLong()).isEqualTo(2);
        assertThat(json.get("reasons")
                        .get("blocked")
                        .get("account not found in this organization")
                        .asLong())
                .isEqualTo(3);
        assertThat(json.get("reasons").has("ok")).isFalse();
    }

    @Test
    void onlyShowsTheRowsOfTheVerdictsNamedAndOutWritesAFileThatLoadsAgain() throws Exception {
        noTerminal();
        ok(run("load " + mixedSuspendFile() + " --op suspend"));
        String blocked = ok(run("preview --only blocked")).out();
        assertThat(blocked).contains("nobody-0001", "nobody-0002", "nobody-0003");
        assertThat(blocked.lines().filter(l -> l.contains("ALREADY DONE") || l.contains("\tOK\t")))
                .isEmpty();

        String okRows = ok(run("preview --only ok --json")).out();
        JsonNode rows = JsonMapper.builder().build().readTree(okRows).get("rows");
        assertThat(rows).hasSize(2);
        rows.forEach(r -> assertThat(r.get("verdict").asString()).isEqualTo("OK"));

        Path out = tmp.resolve("to-fix.csv");
        Result written = ok(run("preview --only blocked --out " + out));
        assertThat(written.err()).contains("wrote 3 rows (BLOCKED) to " + out).contains("--op suspend");
        List<CSVRecord> records = read(out);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).toMap())
                .containsEntry("account_id", "nobody-0001")
                .containsEntry("preview_verdict", "BLOCKED")
                .containsEntry("preview_reason", "account not found in this organization");

        Result reload = ok(run("load " + out + " --op suspend"));
        assertThat(reload.err()).contains("3 rows for 'suspend'").contains("kept, not used: preview_verdict");
        Path again = tmp.resolve("again.csv");
        ok(run("preview --only skip --out " + again));
        assertThat(read(again))
                .as("a written file written again keeps its two columns once")
                .allSatisfy(
                        r -> assertThat(r.toMap()).containsOnlyKeys("account_id", "preview_verdict", "preview_reason"));

        Result wrong = run("preview --only maybe");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).contains("--only: unknown verdict 'maybe'");
    }

    @Test
    void anInactivitySweepLeavesOutAccountsAlreadyThereAndShowsLastActivity() throws Exception {
        noTerminal();
        Instant since = Instant.now().minus(Duration.ofDays(90));
        List<SandboxUser> inactive = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED && u.managed())
                .filter(u -> u.lastActive() == null
                        ? u.addedToOrg().isBefore(since)
                        : u.lastActive().isBefore(since))
                .filter(u -> u.active() && u.access() == OrgAccess.ACTIVE)
                .toList();
        assertThat(inactive).hasSizeGreaterThan(6);
        inactive.subList(0, 2).forEach(u -> server.org().update(u.accountId(), x -> x.withAccess(OrgAccess.SUSPENDED)));
        inactive.subList(2, 5)
                .forEach(u ->
                        server.org().update(u.accountId(), x -> x.withLifecycle("inactive", Instant.now(), null)));

        Path out = tmp.resolve("sweep.csv");
        Result plan = ok(run("plan suspend --inactive-since 90d --out " + out));
        Matcher left = Pattern.compile("left out (\\d+) accounts that suspend would not change: (.*)")
                .matcher(plan.err());
        assertThat(left.find()).as(plan.err()).isTrue();
        assertThat(left.group(2)).containsPattern("deactivated \\d+").containsPattern("suspended \\d+");
        Map<String, CSVRecord> rows = read(out).stream().collect(Collectors.toMap(r -> r.get("account_id"), r -> r));
        inactive.subList(0, 5).forEach(u -> assertThat(rows).doesNotContainKey(u.accountId()));
        SandboxUser kept = inactive.get(5);
        assertThat(rows).containsKey(kept.accountId());
        String day = kept.lastActive() == null
                ? "never"
                : LocalDate.ofInstant(kept.lastActive(), ZoneOffset.UTC).toString();
        assertThat(rows.get(kept.accountId()).get("last_active")).isEqualTo(day);

        String preview = ok(run("preview --all")).out();
        assertThat(preview.lines().findFirst().orElseThrow()).contains("Last active");
        assertThat(preview.lines()
                        .filter(l -> l.contains(kept.accountId()))
                        .findFirst()
                        .orElseThrow())
                .contains("\t" + day + "\t");
    }
}
