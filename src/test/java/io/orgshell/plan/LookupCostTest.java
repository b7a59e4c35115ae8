package io.orgshell.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.RequestCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A small job costs a few requests: preview and the lookups read the plan's accounts by ID and email in
 * batched v2 searches when that is cheaper than a directory pass, and say which they used. Costs are counted by the
 * sandbox per endpoint, never timed.
 */
class LookupCostTest extends FreshSandboxTest {

    static final String V2 = "/admin/v2/orgs/{orgId}/directories/{directoryId}";
    static final String SEARCH = "POST " + V2 + "/users/search";
    static final String LISTING = "GET " + V2 + "/users";
    static final String COUNT = "GET " + V2 + "/users/count";
    static final String DOMAINS = "GET /admin/v1/orgs/{orgId}/domains";
    static final int BATCH = 100;

    RequestCounts counts;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(20_000).withSeed(12);
    }

    void startCounting() {
        counts = RequestCounts.from(server);
    }

    long sent(String endpoint) {
        return counts.sent(endpoint);
    }

    long sentInAll() {
        return counts.sentInAll();
    }

    /** The goal: min(pass(N), 2·⌈R/batch⌉) + 3 requests. */
    long budget(int rows) {
        long listed = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .count();
        long pass = (listed + BATCH - 1) / BATCH;
        return Math.min(pass, 2L * ((rows + BATCH - 1) / BATCH)) + 3;
    }

    SandboxUser someone(Predicate<SandboxUser> p) {
        return server.org().users().stream().filter(p).findFirst().orElseThrow();
    }

    @Test
    void aFiveRowEmailPlanInALargeOrgCostsAFewSearches() throws Exception {
        List<SandboxUser> five = accounts.next(5);
        SandboxUser holder = Accounts.plain(server).skip(500).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(five.get(i).accountId() + "," + Accounts.movedAddress(five.get(i)));
        }
        lines.add(five.get(4).accountId() + "," + holder.email()); // taken by an account outside the plan
        ok(run("load " + csv("account_id,email", lines)));
        startCounting();
        Result r = run("preview");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all())
                .contains("OK 4")
                .contains("BLOCKED 1")
                .contains("belongs to account " + holder.accountId())
                .contains("read 5 accounts by ID and 5 target addresses by email in 2 searches");
        assertThat(sent(LISTING)).as("no directory pass").isZero();
        assertThat(sent(SEARCH)).isEqualTo(2);
        assertThat(sent(COUNT))
                .as("two searches cost no more than a count and a page")
                .isZero();
        assertThat(sentInAll()).isLessThanOrEqualTo(budget(5));
    }

    @Test
    void aPlanOfSeveralBatchesIsLookedUpWhole() throws Exception {
        List<SandboxUser> rows = accounts.next(250);
        List<String> lines = new ArrayList<>(rows.stream()
                .map(u -> u.accountId() + "," + Accounts.movedAddress(u))
                .toList());
        SandboxUser holder = Accounts.plain(server).skip(2_000).findFirst().orElseThrow();
        lines.set(249, rows.get(249).accountId() + "," + holder.email()); // the last batch finds a holder too
        ok(run("load " + csv("account_id,email", lines)));
        startCounting();
        Result r = run("preview");
        assertThat(r.all())
                .as(r.toString())
                .contains("OK 249")
                .contains("BLOCKED 1")
                .contains("belongs to account " + holder.accountId())
                .contains("read 250 accounts by ID and 250 target addresses by email in 6 searches");
        assertThat(sent(SEARCH)).isEqualTo(6);
        assertThat(sentInAll()).isLessThanOrEqualTo(budget(250));
    }

    @Test
    void anOrgAdminLookedUpIsStillProtectedAndAnAnswerWithoutRolesProtectsToo() throws Exception {
        SandboxUser admin =
                someone(u -> u.managed() && u.orgAdmin() && !u.accountId().equals(server.callerAccountId()));
        SandboxUser plain = accounts.next(1).get(0);
        ok(run("load --op suspend " + csv("account_id", List.of(admin.accountId(), plain.accountId()))));
        Result r = run("preview");
        assertThat(r.all())
                .as(r.toString())
                .contains("read 2 accounts by ID")
                .contains("OK 1")
                .contains("BLOCKED 1")
                .contains("protected: org admin");
        // a server that leaves the roles out of its search answer: unknown is not "no"
        FaultScripts.post(
                server,
                "{\"match\":\"" + SEARCH + "\",\"type\":\"status\","
                        + "\"status\":200,\"body\":{\"data\":[{\"accountId\":\"" + plain.accountId() + "\",\"email\":\""
                        + plain.email() + "\",\"accountStatus\":\"active\",\"membershipStatus\":\"active\","
                        + "\"claimStatus\":\"managed\"}],\"links\":{}}}");
        Result unknown = run("preview");
        assertThat(unknown.all())
                .as(unknown.toString())
                .contains("OK 0")
                .contains("protected: the org did not say whether this is an org admin");
    }

    @Test
    void aCountTheServerRefusesMeansOnePassNotAFailureNorV1() throws Exception {
        // a suspend plan: the safety limit needs the managed accounts counted, however small the plan
        SandboxUser u = accounts.next(1).get(0);
        ok(run("load --op suspend " + csv("account_id", List.of(u.accountId()))));
        FaultScripts.post(
                server,
                "{\"match\":\"" + COUNT + "\",\"type\":\"status\","
                        + "\"status\":404,\"body\":{\"errors\":[{\"status\":\"404\",\"code\":\"ADMIN-UAM-404-1\","
                        + "\"title\":\"Unknown Resource\"}]}}");
        startCounting();
        Result r = run("preview");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all())
                .contains("read the whole directory in one pass (the org did not say its size)")
                .contains("OK 1");
        assertThat(sent(LISTING)).isPositive();
        Result again = run("preview");
        assertThat(again.err()).as("the connection still uses v2").contains("read 1 accounts by ID in 1 search");
        assertThat(sent(COUNT)).isEqualTo(2);
    }

    @Test
    void aSwapInALargeOrgAsksForTheTemporaryAddressesOnly() throws Exception {
        List<SandboxUser> two = accounts.next(2);
        SandboxUser a = two.get(0);
        SandboxUser b = two.get(1);
        ok(run("load "
                + csv("account_id,email", List.of(a.accountId() + "," + b.email(), b.accountId() + "," + a.email()))));
        startCounting();
        Result r = run("preview");
        assertThat(r.all())
                .contains("OK 2")
                .contains("1 swap cycle(s) go through a temporary address")
                .contains("read 2 accounts by ID and 2 target addresses by email in 2 searches");
        assertThat(sent(LISTING)).isZero();
        assertThat(sentInAll()).isLessThanOrEqualTo(budget(2));
        Result run = run("run --yes");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.org().findById(a.accountId()).orElseThrow().email()).isEqualTo(b.email());
        assertThat(server.org().findById(b.accountId()).orElseThrow().email()).isEqualTo(a.email());
    }

    @Test
    void aSuspendPlanReachesUnmanagedMembersButDeactivateDoesNot() throws Exception {
        SandboxUser contractor = someone(u ->
                !u.managed() && u.access() == OrgAccess.ACTIVE && !u.orgAdmin() && "active".equals(u.accountStatus()));
        SandboxUser staff = accounts.next(1).get(0);
        Path file = csv("account_id", List.of(contractor.accountId(), staff.accountId()));
        ok(run("load --op deactivate " + file));
        Result deactivate = run("preview");
        assertThat(deactivate.all())
                .contains("OK 1")
                .contains("BLOCKED 1")
                .contains("deactivate needs an account on a verified domain");
        ok(run("load --op suspend " + file));
        startCounting();
        Result suspend = run("preview");
        assertThat(suspend.err()).as(suspend.toString()).contains("OK 2").contains("BLOCKED 0");
        assertThat(sent(LISTING)).isZero();
        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.org().findById(contractor.accountId()).orElseThrow().access())
                .isEqualTo(OrgAccess.SUSPENDED);
        assertThat(server.stats().writes(contractor.accountId())).isEqualTo(1);
    }

    @Test
    void aPlanOverMostOfASmallOrgIsCheckedInOnePass() throws Exception {
        // 20,000 accounts: 200 pages in a pass; 19,000 rows looked up would take 190 searches of IDs alone plus as
        // many for the addresses, so one pass is cheaper
        List<String> lines = Accounts.plain(server)
                .limit(12_000)
                .map(u -> u.accountId() + "," + Accounts.movedAddress(u))
                .toList();
        ok(run("load " + csv("account_id,email", lines)));
        startCounting();
        Result r = run("preview");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        Matcher pass = Pattern.compile("read the whole directory in one pass \\((\\d+) pages in (\\d+) slices")
                .matcher(r.err());
        assertThat(pass.find()).as(r.toString()).isTrue();
        int slices = Integer.parseInt(pass.group(2));
        assertThat(sent(SEARCH)).as("the slices' pages, no lookup").isEqualTo(Long.parseLong(pass.group(1)));
        assertThat(sent(LISTING)).isZero();
        // a slice ends on a partial page at most: the slices cost a pass and one page a slice
        assertThat(sentInAll()).isLessThanOrEqualTo(budget(lines.size()) + slices);
    }

    @Test
    void usersShowByEmailIsOneSearchAndUsersFindSearchesOnTheServer() {
        SandboxUser u = accounts.next(1).get(0);
        startCounting();
        Result show = run("users show " + u.email().toUpperCase(Locale.ROOT));
        assertThat(show.exitCode()).as(show.toString()).isEqualTo(ExitCodes.OK);
        assertThat(show.out()).contains(u.accountId());
        assertThat(sent(SEARCH)).isEqualTo(1);
        assertThat(sent(LISTING)).isZero();
        startCounting();
        Result find = run("users find \"" + u.name() + "\"");
        assertThat(find.out()).contains(u.accountId());
        assertThat(sent(SEARCH)).isEqualTo(1);
        assertThat(sent(LISTING)).isZero();
        Result none = run("users show nobody-at-all@acme.example");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(none.err()).contains("no account with the email nobody-at-all@acme.example");
    }
}
