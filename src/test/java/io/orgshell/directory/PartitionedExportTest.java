package io.orgshell.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.ShellTest;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code users export} reads the managed accounts once, one v2 search per page, as slices walked at once (the active
 * accounts with two-step verification domain by domain, the active ones without it, the inactive and closed ones),
 * and writes them in a stable order: the accounts of a sequential walk, the same file every time, under throttles,
 * server errors, a looping cursor and a domain whose verification lapsed.
 */
class PartitionedExportTest extends ShellTest {

    static final String SEARCH = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
    static final String V1_USERS = "GET /admin/v1/orgs/{orgId}/users";
    static final String COUNT = "GET /admin/v2/orgs/{orgId}/directories/{directoryId}/users/count";
    static final int PAGE = 100;
    static final Set<String> VERIFIED = Set.of("acme.example", "acme-corp.example", "eu.acme.example", "acme.io");

    @TempDir
    Path tmp;

    SandboxServer server;

    @BeforeEach
    void connect() {
        server = sandbox(SandboxConfig.defaults().withUsers(2_500).withSeed(5));
        server.faults().clear();
        connectTo(server);
    }

    /** The managed accounts as the sandbox holds them, by slice, in the slices' order. */
    private Map<String, List<String>> slices() {
        Map<String, List<String>> out = new TreeMap<>();
        VERIFIED.forEach(d -> out.put("0 " + d, new ArrayList<>()));
        out.put("1 active without MFA", new ArrayList<>());
        out.put("2 inactive or closed", new ArrayList<>());
        for (int i = 0; i < server.org().managedCount(); i++) {
            SandboxUser u = server.org().managedAt(i);
            String slice = !u.accountStatus().equals("active")
                    ? "2 inactive or closed"
                    : u.mfaEnabled() ? "0 " + u.emailDomain() : "1 active without MFA";
            out.get(slice).add(u.accountId());
        }
        return out;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(in).getRecords();
        }
    }

    private static List<String> ids(Path file) throws IOException {
        return read(file).stream().map(r -> r.get("account_id")).toList();
    }

    @Test
    void onePagePerRequestInTheSlicesOrder() throws Exception {
        Map<String, List<String>> slices = slices();
        long expectedPages = slices.values().stream()
                .mapToLong(ids -> Math.max(1, (ids.size() + PAGE - 1) / PAGE))
                .sum();
        long searches = server.stats().requests(SEARCH);
        long v1 = server.stats().requests(V1_USERS);
        long all = server.stats().totalRequests();
        long counts = server.stats().requests(COUNT);
        Path out = tmp.resolve("all.csv");

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().requests(SEARCH) - searches).isEqualTo(expectedPages);
        assertThat(server.stats().requests(V1_USERS) - v1).isZero();
        int managed = server.org().managedCount();
        // what a one-after-another loop over the v1 list costs, plus a few: the domain list, the count, partly
        // filled last pages
        assertThat(server.stats().totalRequests() - all).isLessThanOrEqualTo((managed + PAGE - 1) / PAGE + 10);
        assertThat(server.stats().requests(COUNT) - counts).isEqualTo(1);
        List<String> expected = slices.values().stream().flatMap(List::stream).toList();
        assertThat(ids(out)).containsExactlyElementsOf(expected);
        try (var left = Files.list(tmp)) {
            // the slices' parts were written beside the file and are gone
            assertThat(left).containsExactly(out);
        }
        assertThat(read(out).get(0).toMap().keySet())
                .containsExactlyElementsOf(UserExporter.DEFAULT_COLUMNS)
                .doesNotContain("access_billable");
    }

    @Test
    void theSameAccountsAsTheSequentialV1WalkAndTheSameFileEachTime() throws Exception {
        Path first = tmp.resolve("first.csv");
        Path second = tmp.resolve("second.csv");
        Path v1 = tmp.resolve("v1.csv");
        ok(run("users export --out " + first));
        ok(run("users export --out " + second));
        long v1Pages = server.stats().requests(V1_USERS);
        ok(run("users export --out " + v1 + " --columns account_id,access_billable,email,org_access"));

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(server.stats().requests(V1_USERS) - v1Pages)
                .isEqualTo((server.org().managedCount() + PAGE - 1) / PAGE);
        List<CSVRecord> sequential = read(v1);
        assertThat(sequential.get(0).toMap().keySet())
                .containsExactly("account_id", "access_billable", "email", "org_access");
        assertThat(sequential)
                .allSatisfy(x -> assertThat(x.get("access_billable")).isIn("true", "false"));
        assertThat(ids(first)).containsExactlyInAnyOrderElementsOf(ids(v1)).doesNotHaveDuplicates();

        Map<String, CSVRecord> partitioned =
                read(first).stream().collect(Collectors.toMap(x -> x.get("account_id"), x -> x));
        Map<String, String> access = new HashMap<>();
        sequential.forEach(x -> access.put(x.get("account_id"), x.get("org_access")));
        partitioned.forEach((id, row) -> assertThat(row.get("org_access")).isEqualTo(access.get(id)));
    }

    @Test
    void throttlesAndServerErrorsChangeNothingInTheFile() throws Exception {
        Path clean = tmp.resolve("clean.csv");
        ok(run("users export --out " + clean + " --format csv"));
        server.faults()
                .add(SEARCH, 3, Fault.throttle(0))
                .add(SEARCH, 2, Fault.applicationError(503))
                .add(SEARCH, 1, Fault.drop());
        Path faulty = tmp.resolve("faulty.csv");
        long throttled = server.stats().throttled();

        Result r = run("users export --out " + faulty);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().throttled() - throttled).isGreaterThanOrEqualTo(3);
        assertThat(server.faults().pending()).isZero();
        assertThat(Files.readAllBytes(faulty)).isEqualTo(Files.readAllBytes(clean));
    }

    @Test
    void aLoopingCursorInOneSliceStopsTheExportAndWritesNothing() throws Exception {
        FaultScripts.post(
                server, "{\"match\":\"" + SEARCH + "\",\"times\":300,\"type\":\"pages\",\"cursors\":[\"c1\",\"c2\"]}");
        Path out = tmp.resolve("loop.csv");

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("cursor of an earlier page again").contains("never end");
        assertThat(out).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        }
    }

    @Test
    void jsonLinesComeInTheSameOrderAsTheCsv() throws Exception {
        Path csv = tmp.resolve("order.csv");
        Path json = tmp.resolve("order.jsonl");
        ok(run("users export --out " + csv));
        ok(run("users export --out " + json + " --format json --columns account_id,org_admin"));

        List<String> lines = Files.readAllLines(json);
        assertThat(lines).hasSize(server.org().managedCount());
        assertThat(lines.get(0)).startsWith("{\"account_id\":").contains("\"org_admin\":");
        assertThat(lines.stream().map(l -> l.substring(15, l.indexOf('"', 15))).toList())
                .containsExactlyElementsOf(ids(csv));
    }

    @Test
    void unknownColumnsAreRefused() {
        Result r = run("users export --out " + tmp.resolve("x.csv") + " --columns account_id,billing");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--columns: unknown column 'billing'").doesNotContain("Exception");
    }

    @Test
    void aSelectionReadsOnlyItsSlices() throws Exception {
        Path out = tmp.resolve("corp.jsonl");
        long searches = server.stats().requests(SEARCH);
        List<String> corpInactive = server.org().users().stream()
                .filter(u -> u.managed()
                        && u.emailDomain().equals("acme-corp.example")
                        && !u.accountStatus().equals("active"))
                .map(SandboxUser::accountId)
                .toList();

        ok(run("users export --out " + out + " --format json --domain acme-corp.example --status inactive"));

        assertThat(server.stats().requests(SEARCH) - searches)
                .isEqualTo(Math.max(1, (corpInactive.size() + PAGE - 1) / PAGE));
        assertThat(Files.readAllLines(out)).hasSize(corpInactive.size());
    }

    @Test
    void mfaDisabledAsksTheServerForThoseAccountsOnly() throws Exception {
        Map<String, List<String>> slices = slices();
        List<String> withoutMfa = server.org().users().stream()
                .filter(u -> u.managed() && !u.mfaEnabled())
                .map(SandboxUser::accountId)
                .toList();
        long inactiveWithoutMfa = slices.get("2 inactive or closed").stream()
                .filter(withoutMfa::contains)
                .count();
        long searches = server.stats().requests(SEARCH);
        Path out = tmp.resolve("nomfa.csv");

        ok(run("users export --out " + out + " --mfa disabled"));

        assertThat(ids(out)).containsExactlyInAnyOrderElementsOf(withoutMfa);
        int activePages = (slices.get("1 active without MFA").size() + PAGE - 1) / PAGE;
        assertThat(server.stats().requests(SEARCH) - searches)
                .isEqualTo(Math.max(1, activePages) + Math.max(1, (inactiveWithoutMfa + PAGE - 1) / PAGE));
    }

    @Test
    void accountsOnADomainWhoseVerificationLapsedAreFoundByOneMoreWalk() throws Exception {
        Path clean = tmp.resolve("clean.csv");
        ok(run("users export --out " + clean));
        server.faults().lapseDomain("eu.acme.example");
        // only the slices of the active accounts with two-step verification name domains
        long missed = ids(clean).stream()
                .map(id -> server.org().findById(id).orElseThrow())
                .filter(u -> u.emailDomain().equals("eu.acme.example")
                        && u.accountStatus().equals("active")
                        && u.mfaEnabled())
                .count();
        long counts = server.stats().requests(COUNT);
        Path lapsed = tmp.resolve("lapsed.csv");

        Result r = run("users export --out " + lapsed);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(missed).isPositive();
        assertThat(ids(lapsed)).containsExactlyInAnyOrderElementsOf(ids(clean)).doesNotHaveDuplicates();
        assertThat(r.err())
                .contains(String.format("%,d managed accounts were in none of the slices", missed))
                .contains("wrote them last");
        // counted beside the walk, and once more after it before walking again
        assertThat(server.stats().requests(COUNT) - counts).isEqualTo(2);
    }

    @Test
    void anOrgThatDoesNotCountGetsItsSlicesAndANote() throws Exception {
        server.faults().add(COUNT, 5, Fault.applicationError(404));
        Path out = tmp.resolve("uncounted.csv");

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(ids(out)).hasSize(server.org().managedCount());
        assertThat(r.err()).contains("the org did not count its managed accounts, so the export could not be checked");
    }

    @Test
    void aSecondCountThatFailsLeavesTheExportWritten() throws Exception {
        server.faults().lapseDomain("eu.acme.example");
        AtomicInteger counts = new AtomicInteger();
        ExchangeRecorder.onArrival(server, request -> {
            if (request.endsWith("/users/count") && counts.incrementAndGet() == 2) {
                server.faults().add(COUNT, 10, Fault.drop());
            }
        });
        Path out = tmp.resolve("recount.csv");

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        assertThat(counts.get()).isGreaterThanOrEqualTo(2);
        assertThat(out).exists();
        assertThat(r.err()).contains("could not be checked complete");
    }

    @Test
    void theSlicesWaitBesideTheFileAndWhatAKilledExportLeftIsCleared() throws Exception {
        Path stale = tmp.resolve(".held.csv.part-4711");
        Files.writeString(stale, "left by an export that was killed\n");
        server.faults().add(SEARCH, 3, Fault.delay(20_000));
        Path out = tmp.resolve("held.csv");

        CompletableFuture<Result> export = CompletableFuture.supplyAsync(() -> run("users export --out " + out));
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> server.faults().holding() == 3);
            try (var beside = Files.list(tmp)) {
                assertThat(beside.map(p -> p.getFileName().toString()))
                        .doesNotContain(stale.getFileName().toString())
                        .anyMatch(n -> n.startsWith(".held.csv.part-"));
            }
        } finally {
            server.faults().releaseDelayed();
        }

        assertThat(export.get(60, TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCodes.OK);
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(out);
        }
    }
}
