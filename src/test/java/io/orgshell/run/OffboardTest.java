package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxToken;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ExchangeLog;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Offboarding as one plan, through the shell against the sandbox: a leavers file of emails previews each account's
 * steps in words, the run suspends (or deactivates), revokes every API token and leaves every group with one write
 * each, journaled each on its own; a stopped run resumes sending nothing twice; undo gives access and groups back
 * and names the tokens it cannot.
 */
class OffboardTest extends FreshSandboxTest {

    @Autowired
    RunStore runStore;

    static final String REVOKE = "DELETE /users/{accountId}/manage/api-tokens/{tokenId}";
    static final String TOKENS_OF = "GET /users/{accountId}/manage/api-tokens";
    static final String LEAVE =
            "DELETE /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships/{accountId}";

    static final ExchangeLog exchanges = new ExchangeLog();
    /** Leavers handed out once each: the tests of the class share a sandbox. */
    static final Set<String> used = new HashSet<>();

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(23);
    }

    @BeforeEach
    void record() {
        exchanges.startOn(server);
    }

    /** Plain accounts holding at least one API token and one group, not handed out before. */
    private List<SandboxUser> leavers(int n) {
        List<SandboxUser> found = Accounts.plain(server)
                .filter(u -> !used.contains(u.accountId()))
                .filter(u -> !server.tokens().of(u.accountId()).isEmpty())
                .filter(u -> !server.org().groupsOf(u.accountId()).isEmpty())
                .limit(n)
                .toList();
        assertThat(found).hasSize(n);
        found.forEach(u -> used.add(u.accountId()));
        return found;
    }

    private Path emailsFile(List<SandboxUser> leavers) throws Exception {
        return csv("email", leavers.stream().map(SandboxUser::email).toList());
    }

    private SandboxUser now(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow();
    }

    private Set<String> groupIds(SandboxUser u) {
        return server.org().groupsOf(u.accountId()).stream()
                .map(SandboxGroup::id)
                .collect(Collectors.toSet());
    }

    /** Preview's words for a leaver: suspend, the token count, the groups by name in the order of their IDs. */
    private String steps(SandboxUser u, String access) {
        List<SandboxGroup> groups = server.org().groupsOf(u.accountId()).stream()
                .sorted(Comparator.comparing(SandboxGroup::id))
                .toList();
        int tokens = server.tokens().of(u.accountId()).size();
        return access + "; revoke " + (tokens == 1 ? "1 API token" : tokens + " API tokens") + "; leave "
                + (groups.size() == 1 ? "group " : "groups ")
                + groups.stream().map(SandboxGroup::name).collect(Collectors.joining(", "));
    }

    private int stepCount(List<SandboxUser> leavers) {
        return leavers.stream()
                .mapToInt(u -> 1
                        + server.tokens().of(u.accountId()).size()
                        + server.org().groupsOf(u.accountId()).size())
                .sum();
    }

    /** Successful writes per request path: each step's write is a path of its own. */
    private Map<String, Integer> writesPerPath() {
        Map<String, Integer> writes = new HashMap<>();
        exchanges.snapshot().stream()
                .filter(e -> !e.method().equals("GET") && e.status() / 100 == 2)
                .filter(e -> !e.path().contains("/search"))
                .forEach(e -> writes.merge(e.method() + " " + e.path(), 1, Integer::sum));
        return writes;
    }

    @Test
    void anEmailsOnlyLeaversFileIsSuspendedStrippedOfTokensAndGroupsAndUndoneButForTheTokens() throws Exception {
        List<SandboxUser> leavers = leavers(3);
        Map<String, Set<String>> groupsBefore = new HashMap<>();
        Map<String, List<String>> tokensBefore = new HashMap<>();
        leavers.forEach(u -> {
            groupsBefore.put(u.accountId(), groupIds(u));
            tokensBefore.put(
                    u.accountId(),
                    server.tokens().of(u.accountId()).stream()
                            .map(SandboxToken::id)
                            .toList());
        });
        List<String> words = leavers.stream().map(u -> steps(u, "suspend")).toList();
        int steps = stepCount(leavers);

        ok(run("load " + emailsFile(leavers) + " --op offboard"));
        Result preview = ok(run("preview --all"));

        assertThat(preview.all()).contains("OK 3").contains("(3 rows, " + steps + " writes)");
        words.forEach(w -> assertThat(preview.out()).contains(w));
        assertThat(preview.all())
                .contains("offboard: the "
                        + tokensBefore.values().stream().mapToInt(List::size).sum()
                        + " API token(s) it revokes cannot be given back; undo gives back access and groups");
        assertThat(server.stats().requests(TOKENS_OF))
                .as("each leaver's tokens read once")
                .isEqualTo(3);

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 3");
        for (SandboxUser u : leavers) {
            assertThat(now(u).access()).isEqualTo(OrgAccess.SUSPENDED);
            assertThat(server.tokens().of(u.accountId())).isEmpty();
            assertThat(server.org().groupsOf(u.accountId())).isEmpty();
        }
        assertThat(writesPerPath())
                .hasSize(steps)
                .allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
        RunMeta meta = runStore.list().get(0);
        Map<Integer, StepResult> journaled =
                RunJournal.replay(runStore.open(meta.id()).journal()).results();
        assertThat(journaled).hasSize(steps);
        assertThat(journaled.values()).allSatisfy(s -> assertThat(s.outcome()).isEqualTo(Outcome.APPLIED));

        Result undo = ok(run("undo"));
        assertThat(undo.err()).contains("3 rows for 'reinstate'").contains("not given back:");
        tokensBefore.values().stream()
                .flatMap(List::stream)
                .forEach(id -> assertThat(undo.err()).contains(id));
        Result undoPreview = ok(run("preview --all"));
        assertThat(undoPreview.all()).contains("OK 3");
        assertThat(undoPreview.out()).contains("restore; join group");
        ok(run("run --yes"));
        for (SandboxUser u : leavers) {
            assertThat(now(u).access()).isEqualTo(OrgAccess.ACTIVE);
            assertThat(groupIds(u)).isEqualTo(groupsBefore.get(u.accountId()));
            assertThat(server.tokens().of(u.accountId())).isEmpty();
        }
    }

    @Test
    void aRunStoppedMidwayResumesWithoutSendingAnyStepTwice() throws Exception {
        List<SandboxUser> leavers = leavers(3);
        int steps = stepCount(leavers);
        ok(run("load " + emailsFile(leavers) + " --op offboard"));
        ok(run("preview"));
        // two token revocations land, then the key is refused: the run stops with the rest unsent
        FaultScripts.post(
                server,
                "[{\"match\":\"" + REVOKE + "\",\"times\":2,\"type\":\"delay\",\"delayMs\":0},"
                        + "{\"match\":\"" + REVOKE + "\",\"times\":100,\"type\":\"status\",\"status\":401,"
                        + "\"body\":{\"code\":401,\"message\":\"Unauthorized\"}}]");

        Result r = run("run --yes --concurrency 1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("resume");
        assertThat(writesPerPath().size()).isBetween(2, steps - 1);
        server.faults().clear();

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(writesPerPath())
                .hasSize(steps)
                .allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
        for (SandboxUser u : leavers) {
            assertThat(now(u).access()).isEqualTo(OrgAccess.SUSPENDED);
            assertThat(server.tokens().of(u.accountId())).isEmpty();
            assertThat(server.org().groupsOf(u.accountId())).isEmpty();
        }
    }

    @Test
    void aFailedStepIsNamedAndTheRowsOtherStepsStillLandAndAreUndone() throws Exception {
        SandboxUser u = Accounts.plain(server)
                .filter(a -> !used.contains(a.accountId()))
                .filter(a -> server.org().groupsOf(a.accountId()).size() >= 2)
                .findFirst()
                .orElseThrow();
        used.add(u.accountId());
        Set<String> before = groupIds(u);
        ok(run("load " + emailsFile(List.of(u)) + " --op offboard"));
        ok(run("preview"));
        FaultScripts.post(
                server,
                "{\"match\":\"" + LEAVE + "\",\"times\":1,\"type\":\"status\",\"status\":400,"
                        + "\"body\":{\"code\":\"membership-locked\",\"message\":\"membership is locked\"}}");

        Result r = run("run --yes --concurrency 1");

        assertThat(r.all()).contains("failed 1");
        assertThat(now(u).access()).isEqualTo(OrgAccess.SUSPENDED);
        assertThat(server.tokens().of(u.accountId())).isEmpty();
        assertThat(groupIds(u)).hasSize(1);
        String results =
                Files.readString(runStore.open(runStore.list().get(0).id()).results());
        String failedGroup = server.org().groupsOf(u.accountId()).get(0).name();
        assertThat(results).contains("failed,leave group " + failedGroup + ": membership-locked,400");

        Result undo = ok(run("undo"));
        assertThat(undo.err()).contains("1 row for 'reinstate'");
        ok(run("preview"));
        ok(run("run --yes"));
        assertThat(now(u).access()).isEqualTo(OrgAccess.ACTIVE);
        assertThat(groupIds(u)).isEqualTo(before);
    }

    @Test
    void deactivateAndKeepGroupsAreLoadOptionsThatUndoKnows() throws Exception {
        List<SandboxUser> leavers = leavers(2);
        Map<String, Set<String>> groupsBefore = new HashMap<>();
        leavers.forEach(u -> groupsBefore.put(u.accountId(), groupIds(u)));
        Path file =
                csv("account_id", leavers.stream().map(SandboxUser::accountId).toList());

        ok(run("load " + file + " --op offboard --deactivate --keep-groups"));
        Result preview = ok(run("preview --all"));
        assertThat(preview.out()).contains("deactivate; revoke").doesNotContain("leave group");
        // the rows written back carry the options: loaded again without them, they offboard the same way
        Path again = tmp.resolve("again.csv");
        ok(run("preview --only ok --out " + again));
        assertThat(Files.readAllLines(again).get(0)).startsWith("account_id,deactivate,keep_groups,");
        ok(run("load " + again + " --op offboard"));
        assertThat(ok(run("preview --all")).out())
                .contains("deactivate; revoke")
                .doesNotContain("leave group");
        ok(run("run --yes"));

        for (SandboxUser u : leavers) {
            assertThat(now(u).accountStatus()).isEqualTo("inactive");
            assertThat(now(u).access()).isEqualTo(OrgAccess.ACTIVE);
            assertThat(server.tokens().of(u.accountId())).isEmpty();
            assertThat(groupIds(u)).isEqualTo(groupsBefore.get(u.accountId()));
        }
        Result undo = ok(run("undo"));
        assertThat(undo.err()).contains("2 rows for 'reinstate'");
        assertThat(ok(run("preview --all")).out()).contains("enable");
        ok(run("run --yes"));
        leavers.forEach(u -> assertThat(now(u).accountStatus()).isEqualTo("active"));
    }

    @Test
    void aHandWrittenReinstateIntoAnAdminGroupIsBlockedLikeAGroupAdd() throws Exception {
        SandboxUser u = leavers(1).get(0);
        Path file = csv("account_id,access,groups", List.of(u.accountId() + ",,site-admins"));
        ok(run("load " + file + " --op reinstate"));
        Result preview = ok(run("preview"));
        assertThat(preview.all()).contains("BLOCKED").contains("group 'site-admins' grants administration");
    }

    @Test
    void orgAdminsAndYourOwnAccountAreBlocked() throws Exception {
        SandboxUser admin = server.org().users().stream()
                .filter(SandboxUser::orgAdmin)
                .filter(u -> !u.accountId().equals(server.callerAccountId()))
                .findFirst()
                .orElseThrow();
        SandboxUser me = server.org().findById(server.callerAccountId()).orElseThrow();
        ok(run("load " + emailsFile(List.of(admin, me)) + " --op offboard"));

        Result preview = run("preview");

        assertThat(preview.all()).contains("BLOCKED 2").contains("OK 0");
        assertThat(writesPerPath()).isEmpty();
    }

    @Test
    void offboardingOptionsOnAnotherOperationAreRefusedInOneLine() throws Exception {
        Path file = csv("email", List.of("someone@acme.example"));

        Result r = run("load " + file + " --op suspend --keep-groups");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("--deactivate and --keep-groups are options of 'load --op offboard'");
    }
}
