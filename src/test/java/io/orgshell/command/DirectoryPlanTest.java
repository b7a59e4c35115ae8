package io.orgshell.command;

import static io.orgshell.support.Accounts.ids;
import static io.orgshell.support.CsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.RecordedExchange;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code plan OP [selection]} against a v2 sandbox: each selection option selects exactly what the sandbox's truth
 * says, the filters go to the search endpoint, the plan file loads, previews and runs like a loaded file, and bad
 * input is one line, exit 2, nothing written.
 */
class DirectoryPlanTest extends FreshSandboxTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
    static final String V1_USERS = "GET /admin/v1/orgs/{orgId}/users";

    static final List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    static boolean recording;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(61);
    }

    @BeforeEach
    void connect() {
        if (!recording) {
            ExchangeRecorder.onExchange(server, e -> exchanges.add(e));
            recording = true;
        }
    }

    /** What the org says: the accounts in its directory that match. */
    List<SandboxUser> truth(Predicate<SandboxUser> p) {
        return Accounts.inDirectory(server, p);
    }

    static boolean suspendable(SandboxUser u) {
        return u.active() && u.access() != OrgAccess.SUSPENDED;
    }

    Set<String> planned(String options) throws Exception {
        Path out = Files.createTempFile(tmp, "plan", ".csv");
        Result r = run("plan suspend " + options + " --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = read(out);
        assertThat(r.err()).contains("selected " + rows.size() + " account").contains("next: preview");
        return rows.stream().map(x -> x.get("account_id")).collect(Collectors.toSet());
    }

    @Test
    void theDomainMovePlanHasExactlyTheAccountsAtTheOldDomainAndRuns() throws Exception {
        List<SandboxUser> atOld = truth(u -> u.emailDomain().equals("eu.acme.example"));
        assertThat(atOld).hasSizeGreaterThan(10);
        Path out = tmp.resolve("move.csv");
        long v1Before = server.stats().requests(V1_USERS);
        Result r = run("plan email --from-domain eu.acme.example --to-domain acme.io --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err())
                .contains("selected " + atOld.size() + " accounts: domain eu.acme.example")
                .contains("wrote " + out)
                .contains("loaded " + out)
                .contains("next: preview")
                .doesNotContain("repaired");
        assertThat(server.stats().requests(V1_USERS)).as("no full v1 listing").isEqualTo(v1Before);

        List<CSVRecord> rows = read(out);
        assertThat(rows.get(0).toMap().keySet()).containsExactlyInAnyOrder("account_id", "old_email", "email");
        Map<String, SandboxUser> byId = atOld.stream().collect(Collectors.toMap(SandboxUser::accountId, u -> u));
        assertThat(rows.stream().map(x -> x.get("account_id")).collect(Collectors.toSet()))
                .isEqualTo(byId.keySet());
        for (CSVRecord row : rows) {
            SandboxUser u = byId.get(row.get("account_id"));
            assertThat(row.get("old_email")).isEqualTo(u.email());
            assertThat(row.get("email"))
                    .isEqualTo(u.email().substring(0, u.email().indexOf('@')) + "@acme.io");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");

        Result preview = run("preview");
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCodes.OK);
        int ok = count("OK", preview.all());
        assertThat(ok).isPositive();
        assertThat(preview.out())
                .as("IdP-synced accounts stay in the file, for preview to block")
                .contains("BLOCKED");
        Result ran = run("run --yes");
        assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(ExitCodes.OK);
        assertThat(truth(u -> u.emailDomain().equals("acme.io") && byId.containsKey(u.accountId())))
                .hasSize(ok);
    }

    @Test
    void theFiltersGoToTheSearchEndpoint() throws Exception {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        exchanges.clear();
        planned("--domain acme-corp.example --status active --access active --group sales --managed");
        List<RecordedExchange> searches = exchanges.stream()
                .filter(e -> e.method().equals("POST") && e.path().endsWith("/users/search"))
                .toList();
        assertThat(searches).isNotEmpty();
        assertThat(searches.get(0).requestBody())
                .contains("\"emailDomains\":[\"acme-corp.example\"]")
                .contains("\"accountStatus\":[\"active\"]")
                .contains("\"membershipStatus\":[\"active\"]")
                .contains("\"groupIds\":[\"" + sales.id() + "\"]")
                .contains("\"claimStatus\":\"managed\"");
        assertThat(exchanges)
                .as("the group is found by name, not by listing every group")
                .anyMatch(e ->
                        e.path().endsWith("/groups/search") && e.requestBody().contains("\"groupNames\""));
    }

    @Test
    void eachSelectionOptionSelectsWhatTheOrgSays() throws Exception {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        assertThat(planned("--domain acme-corp.example,acme-legacy.example"))
                .isEqualTo(ids(truth(u -> u.emailDomain().equals("acme-corp.example")
                        || u.emailDomain().equals("acme-legacy.example"))));
        assertThat(planned("--domain acme-corp.example --domain acme-legacy.example"))
                .isEqualTo(ids(truth(u -> u.emailDomain().equals("acme-corp.example")
                        || u.emailDomain().equals("acme-legacy.example"))));
        assertThat(planned("--status inactive"))
                .isEqualTo(ids(truth(u -> u.accountStatus().equals("inactive"))));
        assertThat(planned("--access suspended")).isEqualTo(ids(truth(u -> u.access() == OrgAccess.SUSPENDED)));
        assertThat(planned("--group sales"))
                .isEqualTo(ids(truth(u -> server.org().isMember(sales.id(), u.accountId()))));
        assertThat(planned("--group " + sales.id()))
                .isEqualTo(ids(truth(u -> server.org().isMember(sales.id(), u.accountId()))));
        assertThat(planned("--unmanaged")).isEqualTo(ids(truth(u -> !u.managed())));
        assertThat(planned("--idp")).isEqualTo(ids(truth(SandboxUser::idpSynced)));
        assertThat(planned("--domain acme.example --no-idp --managed --status active"))
                .isEqualTo(ids(truth(
                        u -> u.emailDomain().equals("acme.example") && !u.idpSynced() && u.managed() && u.active())));
        Instant since = Instant.now().minus(Duration.ofDays(90));
        List<SandboxUser> inactive = truth(u -> u.lastActive() == null
                ? u.addedToOrg().isBefore(since)
                : u.lastActive().isBefore(since));
        assertThat(inactive)
                .as("the sandbox seeds a realistic few inactive accounts")
                .hasSizeBetween(5, 60);
        assertThat(truth(u -> u.lastActive() != null
                        && u.lastActive().isAfter(Instant.now().minus(Duration.ofDays(30)))))
                .as("and most were active in the last month")
                .hasSizeGreaterThan(200);
        // a sweep leaves out the accounts suspend would not change: already suspended, deactivated or closed
        assertThat(planned("--inactive-since 90d"))
                .isEqualTo(ids(
                        inactive.stream().filter(DirectoryPlanTest::suspendable).toList()));
        String date = LocalDate.now(ZoneOffset.UTC).minusDays(200).toString();
        Instant day = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(planned("--inactive-since " + date))
                .isEqualTo(ids(truth(u -> suspendable(u)
                        && (u.lastActive() == null
                                ? u.addedToOrg().isBefore(day)
                                : u.lastActive().isBefore(day)))));
    }

    @Test
    void withoutOutThePlanGoesToTheConfigDirectory() throws Exception {
        Result r = run("plan restore --access suspended");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        Matcher m = Pattern.compile("wrote (\\S+)").matcher(r.err());
        assertThat(m.find()).isTrue();
        Path file = Path.of(m.group(1));
        assertThat(file.getParent()).isEqualTo(CONFIG_DIR.resolve("plans"));
        assertThat(file.getFileName().toString()).matches("\\d{8}-\\d{6}-restore(-\\d+)?\\.csv");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(read(file))
                .hasSize(truth(u -> u.access() == OrgAccess.SUSPENDED).size());
    }

    @Test
    void aPlanOverTheSafetyLimitMeetsTheSameRefusalAsALoadedFile() throws Exception {
        List<SandboxUser> atMain = truth(u -> u.emailDomain().equals("acme.example"));
        Result plan = run("plan deactivate --domain acme.example --out " + tmp.resolve("big.csv"));
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run("preview").err()).contains("--override-limit");
        Result refused = run("run --yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("refusing to deactivate").contains("--override-limit");
        assertThat(server.stats().writes()).isEmpty();
        assertThat(atMain).hasSizeGreaterThan(100);
    }

    @Test
    void aGroupPlanResolvesTheGroupAndRuns() throws Exception {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        List<SandboxUser> target = truth(u -> u.emailDomain().equals("eu.acme.example") && !u.orgAdmin());
        Path out = tmp.resolve("group.csv");
        Result r = run("plan group-add SALES --domain eu.acme.example --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(read(out)).allMatch(x -> x.get("group").equals("sales"));
        Result preview = run("preview");
        long already = target.stream()
                .filter(u -> server.org().isMember(sales.id(), u.accountId()))
                .count();
        assertThat(preview.all()).contains("ALREADY DONE " + already);
        assertThat(run("run --yes").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(target).allMatch(u -> server.org().isMember(sales.id(), u.accountId()));
    }

    @Test
    void aGroupThatDoesNotExistBlocksTheRowsOfALoadedFile() throws Exception {
        SandboxUser u = Accounts.plain(server).skip(5).findFirst().orElseThrow();
        Path file = tmp.resolve("nogroup.csv");
        Files.writeString(file, "account_id,group\n" + u.accountId() + ",no-such-group\n");
        ok(run("load --op group-add " + file));
        Result preview = run("preview");
        assertThat(preview.all()).contains("BLOCKED 1").contains("no group 'no-such-group'");
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path out = tmp.resolve("bad.csv");
        for (String line : List.of(
                "plan email --from-domain nowhere.example --to-domain acme.io",
                "plan email --from-domain eu.acme.example --to-domain acme-legacy.example",
                "plan email --from-domain eu.acme.example --to-domain unknown.example",
                "plan email --from-domain acme.io --to-domain ACME.IO",
                "plan email --from-domain eu.acme.example",
                "plan email --to-domain acme.io",
                "plan suspend --domain nowhere.example",
                "plan suspend --group no-such-group",
                "plan group-add no-such-group --domain acme.example",
                "plan group-add --domain acme.example",
                "plan suspend --inactive-since 90x",
                "plan suspend --inactive-since 2026-13-01",
                "plan suspend --inactive-since 2999-01-01",
                "plan suspend --managed --unmanaged",
                "plan suspend --idp --no-idp",
                "plan suspend --status gone",
                "plan suspend --access maybe",
                "plan suspend --status active --status inactive",
                "plan suspend",
                "plan frobnicate --domain acme.example",
                "plan profile --domain acme.example",
                "plan")) {
            Result r = run(line + " --out " + out);
            assertThat(r.exitCode()).as(line + " -> " + r).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).as(line).doesNotContain("\n").doesNotContain("Exception");
            assertThat(out).as(line).doesNotExist();
        }
        assertThat(run("plan suspend --domain acme.example --inactive-since 1d --status closed --out " + out)
                        .exitCode())
                .as("a selection that matches nothing")
                .isEqualTo(ExitCodes.FAILED);
        assertThat(out).doesNotExist();
        assertThat(run("preview").err()).as("a failed plan leaves none loaded").contains("no plan loaded");
    }

    @Test
    void theExportTakesASelectionAndHasTheColumnsAPlanNeeds() throws Exception {
        Path out = tmp.resolve("export.csv");
        Result r = run("users export --domain acme-corp.example --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = read(out);
        Map<String, SandboxUser> truth = truth(
                        u -> u.managed() && u.emailDomain().equals("acme-corp.example"))
                .stream()
                .collect(Collectors.toMap(SandboxUser::accountId, u -> u));
        assertThat(rows.stream().map(x -> x.get("account_id")).collect(Collectors.toSet()))
                .isEqualTo(truth.keySet());
        for (CSVRecord row : rows) {
            SandboxUser u = truth.get(row.get("account_id"));
            assertThat(row.get("org_access")).isEqualTo(u.access() == OrgAccess.SUSPENDED ? "suspended" : "active");
            assertThat(row.get("org_admin")).isEqualTo(String.valueOf(u.orgAdmin()));
            assertThat(row.get("idp_managed")).isEqualTo(String.valueOf(u.idpSynced()));
            assertThat(row.get("managed")).isEqualTo("true");
        }
        for (String op : List.of("suspend", "deactivate", "group-remove")) {
            Result load = run("load --op " + op + " " + out);
            assertThat(load.exitCode())
                    .as(op + " " + load)
                    .isEqualTo(op.equals("group-remove") ? ExitCodes.USAGE : ExitCodes.OK);
            if (op.equals("group-remove")) {
                assertThat(load.err())
                        .as("a group change needs its group column")
                        .contains("group");
            } else {
                assertThat(load.err()).contains(rows.size() + " rows").doesNotContain("problem");
            }
        }

        Path unmanaged = tmp.resolve("unmanaged.csv");
        assertThat(run("users export --unmanaged --out " + unmanaged).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(read(unmanaged).stream().map(x -> x.get("account_id")).collect(Collectors.toSet()))
                .isEqualTo(ids(truth(u -> !u.managed())));
        assertThat(read(unmanaged)).allMatch(x -> x.get("managed").equals("false"));
    }

    @Test
    void theExportWritesJsonLines() throws Exception {
        Path out = tmp.resolve("export.jsonl");
        Result r = run("users export --format json --status inactive --out " + out);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(out);
        List<SandboxUser> truth = truth(u -> u.managed() && u.accountStatus().equals("inactive"));
        assertThat(lines).hasSize(truth.size());
        var json = JsonMapper.builder().build();
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            var o = json.readTree(line);
            assertThat(o.get("account_status").asString()).isEqualTo("inactive");
            assertThat(o.get("org_admin").isBoolean()).isTrue();
            assertThat(o.get("product_access").isArray()).isTrue();
            o.get("product_access")
                    .forEach(p -> assertThat(p.get("key").isString()).isTrue());
            seen.add(o.get("account_id").asString());
        }
        assertThat(seen).isEqualTo(ids(truth));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
        Result bad = run("users export --format xml --out " + tmp.resolve("x"));
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--format");
    }

    @Test
    void aDestructivePlanNeedsTheTypedConfirmation() throws Exception {
        Result plan = run("plan deactivate --domain acme-corp.example --inactive-since 200d --managed --no-idp "
                + "--status active --out " + tmp.resolve("deactivate.csv"));
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        int ok = count("OK", run("preview").all());
        assertThat(ok).isPositive();
        atTerminal();
        Result refused = run("run --yes", answer("deactivate " + ok + " in somewhere else"));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("not confirmed: nothing was sent");
        assertThat(server.stats().writes()).isEmpty();
        Result accepted = run("run --yes", answer("deactivate " + ok + " in " + server.orgName()));
        assertThat(accepted.exitCode()).as(accepted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().writes()).hasSize(ok);
    }

    @Test
    void domainsAndOperationsComplete() {
        assertThat(complete("plan email --from-domain acme-")).contains("acme-corp.example", "acme-legacy.example");
        assertThat(complete("plan email --from-domain eu.acme.example --to-domain "))
                .as("only verified domains can be moved to")
                .contains("acme.io", "acme.example")
                .doesNotContain("acme-legacy.example", "old-acme.example");
        assertThat(complete("users export --domain eu")).contains("eu.acme.example");
        assertThat(complete("plan group-")).contains("group-add", "group-remove");
        assertThat(complete("plan suspend --access ")).contains("active", "suspended");
    }

    private static InputReader answer(String text) {
        return new InputReader() {
            @Override
            public String readInput(String prompt) {
                return text;
            }
        };
    }

    private static int count(String label, String out) {
        Matcher m = Pattern.compile("(?m)" + label + " (\\d+)").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void activityTheOrgDidNotTellIsNotInactivity() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.managed() && !x.orgAdmin())
                .findFirst()
                .orElseThrow();
        // one account that joined long ago: once with no productAccess at all, once with a date nobody can read
        String account = "{\"accountId\":\"" + u.accountId() + "\",\"email\":\"" + u.email() + "\","
                + "\"accountStatus\":\"active\",\"membershipStatus\":\"active\",\"claimStatus\":\"managed\","
                + "\"platformRoles\":[],\"addedToOrg\":\"2020-01-01T00:00:00Z\"";
        for (String products :
                List.of("", ",\"productAccess\":[{\"key\":\"jira\",\"lastActiveTimestamp\":\"last " + "Tuesday\"}]")) {
            FaultScripts.post(
                    server,
                    "{\"match\":\"" + SEARCH + "\",\"type\":\"status\",\"status\":200," + "\"body\":{\"data\":["
                            + account + products + "}],\"links\":{}}}");
            Result r = run("plan suspend --inactive-since 90d --out " + tmp.resolve("unknown.csv"));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.all()).contains("no account matches");
            assertThat(tmp.resolve("unknown.csv")).doesNotExist();
        }
    }

    @Test
    void aGroupNameTwoGroupsShareMeansNeither() throws Exception {
        String groupSearch = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/search";
        String twoSales = "{\"match\":\"" + groupSearch + "\",\"type\":\"status\",\"status\":200,\"body\":{\"data\":["
                + "{\"id\":\"11111111-1111-1111-1111-111111111111\",\"name\":\"Sales\"},"
                + "{\"id\":\"22222222-2222-2222-2222-222222222222\",\"name\":\"sales\"}],\"links\":{}}}";
        FaultScripts.post(server, twoSales);
        Result planned = run("plan group-add sales --domain acme.example --out " + tmp.resolve("two.csv"));
        assertThat(planned.exitCode()).as(planned.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(planned.err())
                .contains("the name 'sales' belongs to 2 groups")
                .contains("11111111-1111-1111-1111-111111111111");
        assertThat(tmp.resolve("two.csv")).doesNotExist();

        SandboxUser u = server.org().users().stream()
                .filter(x -> x.managed() && !x.orgAdmin())
                .findFirst()
                .orElseThrow();
        Path file = tmp.resolve("add.csv");
        Files.writeString(file, "account_id,group\n" + u.accountId() + ",sales\n");
        ok(run("load --op group-add " + file));
        FaultScripts.post(server, twoSales);
        Result preview = run("preview");
        assertThat(preview.all()).as(preview.toString()).contains("BLOCKED 1").contains("belongs to 2 groups");
    }
}
