package io.orgshell.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.RequestCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;

/**
 * Preview's pass over the whole directory reads it as slices a few at once (the managed accounts in the export's
 * slices, the unmanaged ones in one more) and finds what the page-after-page listing finds: the same verdicts,
 * for about the same requests. An account outside every slice makes the slices hold fewer accounts than the org counts,
 * and the pass is read again page after page rather than reporting the account missing.
 */
class PartitionedPassTest extends FreshSandboxTest {

    static final String V2 = "/admin/v2/orgs/{orgId}/directories/{directoryId}";
    static final String SEARCH = "POST " + V2 + "/users/search";
    static final String LISTING = "GET " + V2 + "/users";
    static final String COUNT = "GET " + V2 + "/users/count";
    static final String DOMAINS = "GET /admin/v1/orgs/{orgId}/domains";
    static final Pattern SLICES = Pattern.compile("(\\d+) pages? in (\\d+) slices, a few at once");

    RequestCounts counts;

    @Override
    protected SandboxConfig sandboxConfig() {
        // 3 pages: a plan of a few hundred rows costs more searches than that, so preview reads the whole directory
        return SandboxConfig.defaults().withUsers(300).withSeed(24);
    }

    void startCounting() {
        counts = RequestCounts.from(server);
    }

    long sent(String endpoint) {
        return counts.sent(endpoint);
    }

    long pages() {
        long listed = Accounts.inDirectory(server, u -> true).size();
        return (listed + 99) / 100;
    }

    /** The preview again, one page after another: the org refuses to count its accounts, so no slice is trusted. */
    Result onePageAfterAnother() {
        FaultScripts.post(
                server,
                "{\"match\":\"" + COUNT + "\",\"type\":\"status\","
                        + "\"status\":404,\"body\":{\"errors\":[{\"status\":\"404\",\"code\":\"ADMIN-UAM-404-1\","
                        + "\"title\":\"Unknown Resource\"}]}}");
        startCounting();
        Result r = run("preview --all");
        assertThat(r.err())
                .as(r.toString())
                .contains("read the whole directory in one pass (the org did not say its size)");
        assertThat(sent(SEARCH)).isZero();
        assertThat(sent(LISTING)).isEqualTo(pages());
        return r;
    }

    /** The slices' preview, its requests checked: about one search a page, each slice one partial page at most. */
    Result sliced(String expected) {
        startCounting();
        Result r = run("preview --all");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains(expected);
        Matcher m = SLICES.matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        int slices = Integer.parseInt(m.group(2));
        // the active accounts with two-step verification on each of the four verified domains, those without it,
        // the inactive and closed, and the unmanaged accounts
        assertThat(slices).isEqualTo(7);
        assertThat(sent(SEARCH)).isEqualTo(Long.parseLong(m.group(1))).isLessThanOrEqualTo(pages() + slices);
        assertThat(sent(LISTING)).isZero();
        assertThat(sent(COUNT)).as("the size, asked once").isEqualTo(1);
        // the domains listed once, for the slices (an email plan's verified domains are theirs): six, on two pages
        assertThat(sent(DOMAINS)).isEqualTo(2);
        return r;
    }

    /**
     * Every account into two groups (unmanaged, admins, suspended and removed ones included, in and out of the groups),
     * and a hundred accounts the org never had: more accounts than the directory lists, so one pass is cheaper than
     * looking them up.
     */
    void loadAGroupPlanOverTheWholeOrg() throws Exception {
        List<String> lines = new ArrayList<>();
        for (SandboxUser u : server.org().users()) {
            lines.add(u.accountId() + ",engineering");
            lines.add(u.accountId() + ",sales");
        }
        for (int i = 0; i < 100; i++) {
            lines.add(String.format("557057:00000000-0000-0000-0000-%012d,sales", i));
        }
        ok(run("load --op group-add " + csv("account_id,group", lines)));
    }

    @Test
    void aGroupPlanOverTheWholeOrgGetsTheVerdictsOfAPageAfterPageListing() throws Exception {
        loadAGroupPlanOverTheWholeOrg();
        Result sliced = sliced("read the whole directory in one pass (");
        assertThat(sliced.err()).containsPattern(SLICES);
        assertThat(sliced.out())
                .contains("ALREADY DONE")
                .contains("OK")
                .contains("account not found in this organization"); // the removed accounts, listed by neither
        assertThat(onePageAfterAnother().out()).isEqualTo(sliced.out());
    }

    @Test
    void anEmailPlanOverTheWholeOrgGetsTheVerdictsOfAPageAfterPageListing() throws Exception {
        List<SandboxUser> all = server.org().users();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SandboxUser u = all.get(i);
            String target = switch (i % 4) {
                case 0 -> u.email(); // already so
                case 1 -> all.get((i + 1) % all.size()).email(); // held by another account
                case 2 -> "moved-" + i + "@acme-legacy.example"; // on a domain the org has not verified
                default -> Accounts.movedAddress(u);
            };
            lines.add(u.accountId() + "," + target);
        }
        ok(run("load " + csv("account_id,email", lines)));
        Result sliced = sliced("read the whole directory in one pass (");
        assertThat(sliced.err()).containsPattern(SLICES);
        assertThat(sliced.out())
                .contains("ALREADY DONE")
                .contains("belongs to account")
                .contains("OK");
        assertThat(onePageAfterAnother().out()).isEqualTo(sliced.out());
    }

    @Test
    void anAccountOutsideEverySliceIsFoundByReadingThePassAgain() throws Exception {
        // a managed account whose address is on a domain the org has not verified (as when a verification lapses):
        // no managed slice holds it, and the unmanaged one does not either
        SandboxUser outside = accounts.next(1).get(0);
        server.org().update(outside.accountId(), x -> x.withEmail("lapsed.account@acme-legacy.example"));
        assertThat(server.org().findById(outside.accountId()).orElseThrow().managed())
                .isTrue();
        loadAGroupPlanOverTheWholeOrg();
        long listed = Accounts.inDirectory(server, u -> true).size();
        startCounting();
        Result r = run("preview --all");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err())
                .as(r.toString())
                .contains("read the whole directory in one pass, then again one page after another: its ")
                .contains(" slices held " + (listed - 1) + " of the org's " + listed + " accounts");
        assertThat(r.out())
                .containsPattern("lapsed.account@acme-legacy.example\t[^\n]*group sales: not a member → member\tOK");
        assertThat(sent(LISTING)).as("the pass read again").isEqualTo(pages());
        assertThat(sent(SEARCH)).as("the slices first").isPositive();
        assertThat(onePageAfterAnother().out()).isEqualTo(r.out());
    }

    @Test
    void anAccountTwoSlicesHoldCountsOnceSoItHidesNoMissingOne() throws Exception {
        // one account in a managed slice and in the unmanaged one, another in none: counted twice, the first would
        // make up for the second, and preview would call it not found
        SandboxUser twice = accounts.next(1).get(0);
        SandboxUser outside = accounts.next(1).get(0);
        server.org().update(outside.accountId(), x -> x.withEmail("lapsed.again@acme-legacy.example"));
        FaultScripts.post(server, "{\"type\":\"listed-twice\",\"accountId\":\"" + twice.accountId() + "\"}");
        loadAGroupPlanOverTheWholeOrg();
        long listed = Accounts.inDirectory(server, u -> true).size();
        Result r = run("preview --all");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err())
                .as(r.toString())
                .contains(" slices held " + (listed - 1) + " of the org's " + listed + " accounts");
        assertThat(r.out())
                .containsPattern("lapsed.again@acme-legacy.example\t[^\n]*group sales: not a member → member\tOK");
    }

    @Test
    void aSlicePageRefusedForAWhileIsAskedAgainNotLeftOut() throws Exception {
        loadAGroupPlanOverTheWholeOrg();
        FaultScripts.post(
                server,
                "{\"match\":\"" + SEARCH + "\",\"times\":3,\"type\":\"status\",\"status\":503,"
                        + "\"body\":{\"errors\":[{\"status\":\"503\",\"title\":\"Service Unavailable\"}]}}");
        Result r = run("preview --all");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).containsPattern(SLICES);
        assertThat(onePageAfterAnother().out()).isEqualTo(r.out());
    }

    @Test
    void ctrlCWhileTheSlicesAreReadEndsThePreview() throws Exception {
        loadAGroupPlanOverTheWholeOrg();
        server.faults().add(SEARCH, 20, Fault.delay(60_000));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread command = new Thread(() -> exit.complete(dispatcher.execute(
                "preview", console(new PrintWriter(out, true), new PrintWriter(err, true), new InputReader() {}))));
        command.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.faults().holding() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.faults().holding()).as("a slice's search held").isPositive();

            command.interrupt(); // what the shell's Ctrl-C handler does to the command's thread
            int code = exit.get(30, TimeUnit.SECONDS);

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(err.toString()).contains("preview interrupted after reading 0 accounts");
        } finally {
            server.faults().releaseDelayed();
        }
    }
}
