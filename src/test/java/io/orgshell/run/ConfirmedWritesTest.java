package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.CsvFiles;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * "Applied" means confirmed: a write the API answers with success but does not carry out (the sandbox's scripted
 * {@code 204} with no body, answered without applying the request) is reported failed, kept out of {@code undo.csv},
 * and the counts still add up to the rows of the plan. With {@code orgshell.confirm.max-wait} at zero, such a write fails
 * at its first read-back (LaggingReadsTest waits for reads that lag).
 */
@TestPropertySource(properties = "orgshell.confirm.max-wait=0s")
class ConfirmedWritesTest extends FreshSandboxTest {

    static final String PUT_EMAIL = "PUT /users/{accountId}/manage/email";
    static final String V2_USERS = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users";
    static final String SEARCH = "POST " + V2_USERS + "/search";
    static final String NOT_CHANGED = "the API answered 204 but the account did not change";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(600).withSeed(23);
    }

    /** Answers the next {@code times} requests matching {@code match} with 204 and no body, changing nothing. */
    void successThatChangesNothing(String match, int times) {
        FaultScripts.post(
                server,
                "{\"match\":\"" + match + "\",\"times\":" + times
                        + ",\"type\":\"status\",\"status\":204,\"body\":\"\"}");
    }

    @Test
    void emailChangesAnsweredWithoutBeingMadeFailAndStayOutOfUndo() throws Exception {
        List<SandboxUser> u = accounts.next(5);
        ok(run("load "
                + csv(
                        "account_id,email",
                        u.stream().map(x -> x.accountId() + "," + moved(x)).toList())));
        assertThat(run("preview").all()).contains("OK 5");
        successThatChangesNothing(PUT_EMAIL, 3);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 2, already done 0, skipped 0, failed 3");
        Set<String> unchanged = u.stream()
                .filter(x -> email(x).equals(x.email()))
                .map(SandboxUser::accountId)
                .collect(Collectors.toSet());
        assertThat(unchanged).hasSize(3);
        assertFailedUnchanged(unchanged, 5, 2);
    }

    @Test
    void aSuspendAnsweredWithoutBeingMadeFails() throws Exception {
        List<SandboxUser> u = accounts.next(4);
        ok(run("load --op suspend "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        assertThat(run("preview").all()).contains("OK 4");
        successThatChangesNothing("POST " + V2_USERS + "/{accountId}/suspend", 2);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 2, already done 0, skipped 0, failed 2");
        Set<String> unchanged = u.stream()
                .filter(x -> now(x).access() == OrgAccess.ACTIVE)
                .map(SandboxUser::accountId)
                .collect(Collectors.toSet());
        assertThat(unchanged).hasSize(2);
        assertFailedUnchanged(unchanged, 4, 2);
    }

    @Test
    void aGroupAddAnsweredWithoutBeingMadeFails() throws Exception {
        SandboxGroup group = server.org().findGroupByName("engineering").orElseThrow();
        List<SandboxUser> u = accounts.next(8).stream()
                .filter(x -> !server.org().isMember(group.id(), x.accountId()))
                .limit(3)
                .toList();
        ok(run("load --op group-add "
                + csv(
                        "account_id,group",
                        u.stream().map(x -> x.accountId() + ",engineering").toList())));
        assertThat(run("preview").all()).contains("OK 3");
        successThatChangesNothing(
                "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships", 1);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 2, already done 0, skipped 0, failed 1");
        Set<String> unchanged = u.stream()
                .filter(x -> !server.org().isMember(group.id(), x.accountId()))
                .map(SandboxUser::accountId)
                .collect(Collectors.toSet());
        assertThat(unchanged).hasSize(1);
        assertFailedUnchanged(unchanged, 3, 2);
    }

    /** A success documented as 200 with a message (lifecycle delete): the status recorded is the one answered. */
    @Test
    void theStatusAnsweredIsTheOneReported() throws Exception {
        List<SandboxUser> u = accounts.next(3);
        ok(run("load --op delete "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        assertThat(run("preview").all()).contains("OK 3");
        FaultScripts.post(
                server,
                "{\"match\":\"POST /users/{accountId}/manage/lifecycle/delete\",\"type\":\"status\","
                        + "\"status\":200,\"body\":{\"message\":\"User will be deleted in 14 days\"}}");

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 2, already done 0, skipped 0, failed 1");
        assertThat(rows(results()))
                .filteredOn(x -> x.get("outcome").equals("failed"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.get("reason")).isEqualTo("the API answered 200 but the account did not change");
                    assertThat(x.get("http_status")).isEqualTo("200");
                });
        assertThat(rows(dir().undo())).hasSize(2);
    }

    /**
     * Two unattended batches (200 and 50 rows): a write of the first is read back with the second batch's accounts,
     * in the same searches; one of the last batch by the read after it. The run costs one search per hundred
     * accounts read, and one read more than it had batches.
     */
    @Test
    void eachBatchIsReadBackWithTheNextAndTheLastOneAfterItself() throws Exception {
        List<SandboxUser> u = accounts.next(250);
        ok(run("load "
                + csv(
                        "account_id,email",
                        IntStream.range(0, u.size())
                                .mapToObj(i -> u.get(i).accountId() + ",confirmed." + i + "@acme.io")
                                .toList())));
        assertThat(run("preview").all()).contains("OK 250");
        SandboxUser inFirst = u.get(17);
        SandboxUser inLast = u.get(230);
        successThatChangesNothing("PUT /users/" + inFirst.accountId() + "/manage/email", 1);
        successThatChangesNothing("PUT /users/" + inLast.accountId() + "/manage/email", 1);
        long searchesBefore = server.stats().requests(SEARCH);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 248, already done 0, skipped 0, failed 2");
        assertThat(server.faults().pending()).isZero();
        assertFailedUnchanged(Set.of(inFirst.accountId(), inLast.accountId()), 250, 248);
        // batch 1: 200 accounts (2 searches); batch 2: 50 plus the 200 written before (3); after it: 50 (1)
        assertThat(server.stats().requests(SEARCH) - searchesBefore).isEqualTo(6);
        // each row sent once: the two the sandbox only answered are reported, not sent again
        assertThat(server.stats().requests(PUT_EMAIL)).isEqualTo(250);
        assertThat(server.stats().writes())
                .hasSize(248)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }

    /**
     * A swap: the second account's move, answered but not made, still holds the address the first account is to
     * take. The org refuses that step, and neither row is reported applied: the first is left at the temporary
     * address, the second did not change.
     */
    @Test
    void aSwapStepAnsweredWithoutBeingMadeLeavesNoRowApplied() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        SandboxUser a = u.get(0);
        SandboxUser b = u.get(1);
        ok(run("load "
                + csv("account_id,email", List.of(a.accountId() + "," + b.email(), b.accountId() + "," + a.email()))));
        assertThat(run("preview").all()).contains("OK 2").contains("(temporary)");
        successThatChangesNothing("PUT /users/" + b.accountId() + "/manage/email", 1);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 0").contains("failed 2");
        assertThat(email(b)).isEqualTo(b.email());
        List<CSVRecord> results = rows(results());
        Function<String, CSVRecord> row = id -> results.stream()
                .filter(x -> x.get("account_id").equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(row.apply(b.accountId()).get("reason")).isEqualTo(NOT_CHANGED);
        assertThat(row.apply(a.accountId()).get("reason")).startsWith("left at the temporary address");
        // what undo.csv holds for the first row only brings it back from the temporary address
        assertThat(rows(dir().undo()))
                .noneSatisfy(x -> assertThat(x.get("account_id")).isEqualTo(b.accountId()))
                .allSatisfy(x -> assertThat(x.get("email")).isEqualTo(a.email()));
    }

    /**
     * The read after the last batch cannot be made (its connections are dropped): the swap's three writes were
     * answered but have no result. {@code resume} confirms them by reading the accounts and sends nothing again,
     * although the first account has already moved on past its temporary address.
     */
    @Test
    void aSwapLeftUnconfirmedIsConfirmedByResumeWithoutWritingAgain() throws Exception {
        List<SandboxUser> u = accounts.next(2);
        SandboxUser a = u.get(0);
        SandboxUser b = u.get(1);
        ok(run("load "
                + csv("account_id,email", List.of(a.accountId() + "," + b.email(), b.accountId() + "," + a.email()))));
        assertThat(run("preview").all()).contains("OK 2");
        // the batch's own re-read is answered; every read after it loses its connection
        FaultScripts.post(
                server,
                "[{\"match\":\"" + SEARCH + "\",\"type\":\"delay\",\"delayMs\":0}," + "{\"match\":\"" + SEARCH
                        + "\",\"times\":50,\"type\":\"drop\"}]");

        Result r = run("run --yes");

        assertThat(email(a)).isEqualTo(b.email());
        assertThat(email(b)).isEqualTo(a.email());
        RunMeta stopped = runStore().list().get(0);
        assertThat(stopped.unfinished()).as(r.toString()).isTrue();
        assertThat(stopped.counts().pending()).isEqualTo(2);
        assertThat(rows(dir().undo())).isEmpty();
        server.faults().clear();
        long writes = server.stats().requests(PUT_EMAIL);

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.all())
                .contains("applied 2, already done 0, skipped 0, failed 0")
                .contains("(finished)");
        assertThat(server.stats().requests(PUT_EMAIL)).isEqualTo(writes);
        assertThat(rows(dir().undo())).hasSize(2);
    }

    @Test
    void aNormalRunIsConfirmedRowByRow() throws Exception {
        List<SandboxUser> u = accounts.next(6);
        ok(run("load --op suspend "
                + csv("account_id", u.stream().map(SandboxUser::accountId).toList())));
        ok(run("preview"));
        long searchesBefore = server.stats().requests(SEARCH);

        Result r = run("run --yes");

        assertThat(r.all()).as(r.toString()).contains("applied 6, already done 0, skipped 0, failed 0");
        assertThat(rows(results())).allSatisfy(x -> assertThat(x.get("outcome")).isEqualTo("applied"));
        assertThat(rows(dir().undo())).hasSize(6);
        // one read before the batch, one after it
        assertThat(server.stats().requests(SEARCH) - searchesBefore).isEqualTo(2);
    }

    private void assertFailedUnchanged(Set<String> unchanged, int rows, int applied) throws IOException {
        List<CSVRecord> results = rows(results());
        assertThat(results).hasSize(rows);
        assertThat(results)
                .filteredOn(x -> unchanged.contains(x.get("account_id")))
                .hasSize(unchanged.size())
                .allSatisfy(x -> {
                    assertThat(x.get("outcome")).isEqualTo("failed");
                    assertThat(x.get("reason")).isEqualTo(NOT_CHANGED);
                    assertThat(x.get("http_status")).isEqualTo("204");
                });
        assertThat(results)
                .filteredOn(x -> !unchanged.contains(x.get("account_id")))
                .allSatisfy(x -> assertThat(x.get("outcome")).isEqualTo("applied"));
        List<CSVRecord> undo = rows(dir().undo());
        assertThat(undo).hasSize(applied).noneSatisfy(x -> assertThat(unchanged).contains(x.get("account_id")));
        RunMeta meta = runStore().list().get(0);
        assertThat(meta.state()).isEqualTo(RunState.FINISHED);
        assertThat(meta.counts().get(Outcome.APPLIED)).isEqualTo(applied);
        assertThat(meta.counts().get(Outcome.FAILED)).isEqualTo(unchanged.size());
        assertThat(meta.counts().get(Outcome.APPLIED) + meta.counts().get(Outcome.FAILED))
                .isEqualTo(rows);
        assertThat(meta.counts().pending()).isZero();
        assertThat(Files.readString(dir().journal())).contains("\"code\":\"not-changed\"");
    }

    static String moved(SandboxUser u) {
        return u.email().substring(0, u.email().indexOf('@')) + "@acme.io";
    }

    SandboxUser now(SandboxUser u) {
        return server.org().findById(u.accountId()).orElseThrow();
    }

    String email(SandboxUser u) {
        return now(u).email();
    }

    RunStore runStore() {
        return applicationContext.getBean(RunStore.class);
    }

    RunDirectory dir() {
        return runStore().open(runStore().list().get(0).id());
    }

    Path results() {
        return dir().results();
    }

    static List<CSVRecord> rows(Path file) throws IOException {
        return CsvFiles.read(file);
    }

    @Autowired
    ApplicationContext applicationContext;
}
