package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ContractValidator;
import io.orgshell.sandbox.RecordedExchange;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxToken;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ExchangeLog;
import io.orgshell.support.FaultScripts;
import io.orgshell.support.FreshSandboxTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API tokens through the shell against the sandbox: {@code tokens list} lists exactly the tokens the sandbox holds
 * that the filter names, {@code plan token-revoke} and {@code load --op token-revoke} revoke each token with one
 * DELETE of the user management API and never call the org-wide revoke, a resumed run revokes none twice, and
 * {@code undo} names the tokens it cannot give back.
 */
class TokenCleanupTest extends FreshSandboxTest {

    static final String ORG_LIST = "/admin/api-access/v1/orgs/{orgId}/api-tokens";
    static final String REVOKE = "DELETE /users/{accountId}/manage/api-tokens/{tokenId}";
    static final String REVOKE_ALL = "DELETE " + ORG_LIST;

    static final ExchangeLog exchanges = new ExchangeLog();

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(23);
    }

    @BeforeEach
    void record() {
        exchanges.startOn(server);
    }

    static boolean unusedSince(SandboxToken t, Instant when) {
        return t.lastActiveAt() != null
                ? t.lastActiveAt().isBefore(when)
                : t.createdAt().isBefore(when);
    }

    static Set<String> ids(Stream<SandboxToken> tokens) {
        return tokens.map(SandboxToken::id).collect(Collectors.toSet());
    }

    @Test
    void tokensListShowsExactlyTheTokensUnusedForNinetyDaysPageByPage() {
        Instant cutOff = Instant.now().minus(Duration.ofDays(90));
        Set<String> truth = ids(server.tokens().all().stream().filter(t -> unusedSince(t, cutOff)));
        assertThat(truth).hasSizeGreaterThan(5);
        assertThat(server.tokens().all().stream().filter(t -> t.lastActiveAt() == null))
                .as("some tokens were never used")
                .isNotEmpty();

        Result r = run("tokens list --unused-since 90d --json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        Set<String> listed = new HashSet<>();
        doc.get("tokens").forEach(t -> listed.add(t.get("token_id").asString()));
        assertThat(listed).isEqualTo(truth);
        assertThat(doc.get("total").asInt()).isEqualTo(server.tokens().all().size());
        int pages = (server.tokens().all().size() + 99) / 100;
        assertThat(server.stats().requests("GET " + ORG_LIST)).isEqualTo(pages);
        assertThat(contractProblems()).isEmpty();
    }

    @Test
    void tokensListTellsNeverUsedTokensAndWritesTheCsv() throws IOException {
        SandboxToken never = server.tokens().all().stream()
                .filter(t -> t.lastActiveAt() == null)
                .findFirst()
                .orElseThrow();
        SandboxUser owner = server.org().findById(never.accountId()).orElseThrow();
        Path out = tmp.resolve("tokens.csv");

        Result r = run("tokens list --domain " + owner.emailDomain() + " --out " + out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines().filter(l -> l.contains(owner.email()) && l.contains("never")))
                .isNotEmpty();
        List<String> csv = Files.readAllLines(out);
        assertThat(csv.get(0)).isEqualTo("token_id,account_id,label,owner,created,last_active,expires,status");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith(never.id() + "," + owner.accountId()));
        long atDomain = server.tokens().all().stream()
                .filter(t -> server.org()
                        .findById(t.accountId())
                        .orElseThrow()
                        .emailDomain()
                        .equals(owner.emailDomain()))
                .count();
        assertThat(csv).hasSize((int) atDomain + 1);
    }

    @Test
    void badTokenOptionsAreOneLineAndExitTwo() {
        Result both = run("tokens list --created-before 2026-01-01 --older-than 180d");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--created-before and --older-than").doesNotContain("Exception");
        Result bad = run("tokens list --unused-since lately");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--unused-since: 'lately'");
        Result everything = run("plan token-revoke");
        assertThat(everything.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(everything.err()).contains("not built by accident");
        Result elsewhere = run("plan suspend --domain acme.example --unused-since 90d");
        assertThat(elsewhere.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(exchanges.snapshot()).isEmpty();
    }

    @Test
    void planTokenRevokeRevokesEachPlannedTokenWithOneDeleteAndNeverTheOrgWideOne() throws Exception {
        Instant cutOff = Instant.now().minus(Duration.ofDays(90));
        Set<String> unused = ids(server.tokens().all().stream().filter(t -> unusedSince(t, cutOff)));
        Path out = tmp.resolve("revoke.csv");

        Result plan = run("plan token-revoke --unused-since 90d --out " + out);

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plan.err()).contains("selected " + unused.size() + " API tokens");
        assertThat(Files.readAllLines(out).get(0))
                .isEqualTo("account_id,token_id,email,label,created,last_active,expires,status");
        Result preview = run("preview");
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCodes.OK);
        // tokens of org admins stay protected, as every other write to an admin is
        Set<String> adminTokens = ids(server.tokens().all().stream()
                .filter(t -> unused.contains(t.id()))
                .filter(t -> server.org().findById(t.accountId()).orElseThrow().orgAdmin()));
        int revocable = unused.size() - adminTokens.size();
        assertThat(preview.all())
                .contains("OK " + revocable)
                .contains("token-revoke cannot be undone: a revoked API token is gone for good");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all())
                .contains("no undo plan: token-revoke cannot be undone")
                .doesNotContain("undo.csv");
        assertThat(server.stats().requests(REVOKE)).isEqualTo(revocable);
        assertThat(server.stats().requests(REVOKE_ALL)).isZero();
        Set<String> left = ids(server.tokens().all().stream());
        assertThat(left)
                .doesNotContainAnyElementsOf(
                        unused.stream().filter(id -> !adminTokens.contains(id)).toList());
        assertThat(left).containsAll(adminTokens);
        assertThat(contractProblems()).isEmpty();

        Result undo = run("undo");
        assertThat(undo.exitCode()).isNotEqualTo(ExitCodes.OK);
        assertThat(undo.err())
                .contains("token-revoke cannot be undone")
                .contains(revocable + " API tokens it revoked cannot be given back")
                .contains("nothing to send");
    }

    @Test
    void aFileOfSevenTokensIsSevenDeletesAndAGoneTokenIsAlreadyDone() throws Exception {
        List<SandboxToken> seven = plainTokens().subList(0, 7);
        Path file = csv(
                "account_id,token_id",
                Stream.concat(
                                seven.stream().map(t -> t.accountId() + "," + t.id()),
                                Stream.of(seven.get(0).accountId() + ",no-such-token"))
                        .toList());

        ok(run("load --op token-revoke " + file));
        Result preview = run("preview");
        assertThat(preview.all()).contains("OK 7").contains("already revoked");
        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 7");
        assertThat(server.stats().requests(REVOKE)).isEqualTo(7);
        assertThat(server.stats().requests(REVOKE_ALL)).isZero();
        assertThat(ids(server.tokens().all().stream())).doesNotContainAnyElementsOf(ids(seven.stream()));
    }

    @Test
    void aRunStoppedAfterThreeRevocationsResumesWithoutRevokingAnyTwice() throws Exception {
        List<SandboxToken> seven = plainTokens().subList(0, 7);
        Path file = csv(
                "account_id,token_id",
                seven.stream().map(t -> t.accountId() + "," + t.id()).toList());
        ok(run("load --op token-revoke " + file));
        ok(run("preview"));
        FaultScripts.post(
                server,
                "[{\"match\":\"" + REVOKE + "\",\"times\":3,\"type\":\"delay\",\"delayMs\":0},"
                        + "{\"match\":\"" + REVOKE + "\",\"times\":100,\"type\":\"status\",\"status\":401,"
                        + "\"body\":{\"code\":401,\"message\":\"Unauthorized\"}}]");

        Result r = run("run --yes --concurrency 1");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH);
        assertThat(r.err()).contains("resume");
        assertThat(server.tokens().all().stream().filter(seven::contains)).hasSize(4);
        server.faults().clear();

        Result resumed = run("resume --yes");

        assertThat(resumed.exitCode()).as(resumed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.tokens().all().stream().filter(seven::contains)).isEmpty();
        Map<String, Integer> revokedPerToken = new HashMap<>();
        exchanges.snapshot().stream()
                .filter(e -> e.method().equals("DELETE") && e.status() == 204)
                .forEach(e -> revokedPerToken.merge(e.path(), 1, Integer::sum));
        assertThat(revokedPerToken)
                .hasSize(7)
                .allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
    }

    @Test
    void aRevocationWhoseAnswerWasLostIsConfirmedNotFailedWhenTheSecondDeleteFindsItGone() throws Exception {
        SandboxToken t = plainTokens().get(0);
        Path file = csv("account_id,token_id", List.of(t.accountId() + "," + t.id()));
        ok(run("load --op token-revoke " + file));
        ok(run("preview"));
        // the revocation lands, then its answer trickles past the response deadline: the answer is lost
        FaultScripts.post(server, "{\"match\":\"" + REVOKE + "\",\"type\":\"trickle\",\"delayMs\":400}");

        Result r = run("run --yes");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.all()).contains("applied 1, already done 0, skipped 0, failed 0");
        assertThat(server.tokens().find(t.id())).isEmpty();
        assertThat(server.stats().requests(REVOKE)).isEqualTo(2);
        // the lost answer is still trickling out: let it end here, not in the next test's exchanges
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> exchanges.snapshot().stream()
                        .anyMatch(x -> x.path().endsWith("/api-tokens/" + t.id()) && x.status() == 200));
    }

    @Test
    void theTypedConfirmationNamesTheCountAndSaysItCannotBeUndone() throws Exception {
        List<SandboxToken> three = plainTokens().subList(0, 3);
        Path file = csv(
                "account_id,token_id",
                three.stream().map(t -> t.accountId() + "," + t.id()).toList());
        ok(run("load --op token-revoke " + file));
        ok(run("preview"));
        atTerminal();
        List<String> prompts = new ArrayList<>();

        Result refused = run("run --yes", new InputReader() {
            @Override
            public String readInput(String prompt) {
                prompts.add(prompt);
                return "token-revoke 3 somewhere else";
            }
        });

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(prompts)
                .as("asked three times, the warning with the first")
                .hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("type 'token-revoke 3 in " + server.orgName() + "'"));
        assertThat(prompts.get(0)).contains("these 3 writes cannot be undone");
        assertThat(server.stats().requests(REVOKE)).isZero();
        Result accepted = run("run --yes", new InputReader() {
            @Override
            public String readInput(String prompt) {
                return "token-revoke 3 in " + server.orgName();
            }
        });
        assertThat(accepted.exitCode()).as(accepted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(server.stats().requests(REVOKE)).isEqualTo(3);
    }

    @Test
    void theOrgWideRevokeIsNowhereInTheProduct() throws IOException {
        Path main = Path.of("src/main/java/io/orgshell");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> naming = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(main.resolve("sandbox")))
                    .filter(f -> read(f).contains("api-access"))
                    .toList();
            assertThat(naming).containsExactly(main.resolve("api/ApiTokensClient.java"));
        }
        String client = read(main.resolve("api/ApiTokensClient.java"));
        assertThat(client).doesNotContainPattern("HttpMethod\\.DELETE,\\s*ORG_TOKENS");
        assertThat(client).doesNotContainPattern("write\\([^;]*ORG_TOKENS");
    }

    /** Tokens of plain accounts (managed, not admins, not the caller), in the sandbox's order. */
    private List<SandboxToken> plainTokens() {
        Set<String> plain = Accounts.plain(server).map(SandboxUser::accountId).collect(Collectors.toSet());
        return server.tokens().all().stream()
                .filter(t -> plain.contains(t.accountId()))
                .toList();
    }

    private List<String> contractProblems() {
        List<String> problems = new ArrayList<>();
        for (RecordedExchange e : exchanges.snapshot()) {
            if (e.path().contains("api-token")) {
                ContractValidator.shared().problems(e).forEach(p -> problems.add(e + ": " + p));
            }
        }
        return problems;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
