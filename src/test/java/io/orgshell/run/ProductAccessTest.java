package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ProductAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Product access through the shell: {@code products list}, {@code plan access-revoke|access-grant} from the directory
 * and from a file, preview per account, the run through the user roles API (requests counted) and its undo.
 */
class ProductAccessTest extends FreshSandboxTest {

    static final String ASSIGN = "POST /admin/v1/orgs/{orgId}/users/{userId}/roles/assign";
    static final String REVOKE = "POST /admin/v1/orgs/{orgId}/users/{userId}/roles/revoke";
    static final String CONFLUENCE = "ari:cloud:confluence::site/sandbox";

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(200).withSeed(71);
    }

    boolean has(SandboxUser u, String key) {
        return server.org().findById(u.accountId()).orElseThrow().productAccess().stream()
                .map(ProductAccess::key)
                .anyMatch(key::equals);
    }

    @Test
    void productsListNamesEachProductWithItsResourceId() {
        Result r = ok(run("products list"));
        assertThat(r.out()).contains("jira\t").contains("confluence\t").contains(CONFLUENCE);

        Result json = ok(run("products list --json"));
        assertThat(json.out())
                .contains("\"resource_id\": \"" + CONFLUENCE + "\"")
                .contains("\"product\": \"jira-service-management\"");
    }

    @Test
    void aFileRevokesAccessPreviewSaysWhoHasItAndUndoGivesItBack() throws Exception {
        List<SandboxUser> with = accounts.next(40).stream()
                .filter(u -> has(u, "confluence"))
                .limit(2)
                .toList();
        SandboxUser without = accounts.next(40).stream()
                .filter(u -> !has(u, "confluence"))
                .findFirst()
                .orElseThrow();
        Path file = csv(
                "account_id,product",
                List.of(
                        with.get(0).accountId() + ",confluence",
                        with.get(1).accountId() + ",Confluence",
                        without.accountId() + ",confluence"));
        ok(run("load " + file + " --op access-revoke"));
        Result preview = ok(run("preview"));
        assertThat(preview.all())
                .contains("OK 2  ALREADY DONE 1")
                .contains("product confluence: no access")
                .contains("already without access to the product");

        Result r = ok(run("run --yes"));
        assertThat(r.all()).contains("applied 2");
        assertThat(server.stats().requests(REVOKE)).isEqualTo(2);
        assertThat(has(with.get(0), "confluence")).isFalse();
        assertThat(has(with.get(1), "confluence")).isFalse();

        assertThat(run("undo").all()).contains("2 rows for 'access-grant'");
        assertThat(run("preview").all()).contains("OK 2");
        assertThat(run("run --yes").all()).contains("applied 2");
        assertThat(server.stats().requests(ASSIGN)).isEqualTo(2);
        assertThat(has(with.get(0), "confluence")).isTrue();
    }

    @Test
    void oneAccountTakenOffTwoProductsInOneFileIsTwoRowsNotAConflict() throws Exception {
        SandboxUser both = accounts.next(60).stream()
                .filter(u -> has(u, "confluence") && has(u, "jira-software"))
                .findFirst()
                .orElseThrow();
        Path file = csv("account_id,product", List.of(both.accountId() + ",confluence", both.accountId() + ",jira"));
        ok(run("load " + file + " --op access-revoke"));
        assertThat(ok(run("preview")).all()).contains("OK 2").doesNotContain("also on line");
        assertThat(ok(run("run --yes")).all()).contains("applied 2");
        assertThat(has(both, "confluence")).isFalse();
        assertThat(has(both, "jira-software")).isFalse();
    }

    @Test
    void planAccessGrantGivesTheRoleToTheSelectedAccountsButAdmins() throws Exception {
        Path out = tmp.resolve("grant.csv");
        Result r = ok(run("plan access-grant bitbucket user --domain acme.example --out " + out));
        assertThat(r.err()).contains("selected ");
        assertThat(Files.readString(out))
                .startsWith("account_id,product,role,email")
                .contains(",bitbucket,user,");
        ok(run("preview"));
        ok(run("run --yes"));
        List<String> planned = Files.readAllLines(out).stream().skip(1).toList();
        long without = planned.stream()
                .map(l -> server.org().findById(l.split(",")[0]).orElseThrow())
                .filter(u -> !u.orgAdmin() && !has(u, "bitbucket"))
                .count();
        assertThat(without).isZero();
        assertThat(server.stats().requests(ASSIGN)).isPositive().isLessThanOrEqualTo(planned.size());
    }

    @Test
    void planAccessRevokeTakesInactiveUsersOffTheProductOnly() throws Exception {
        Path out = tmp.resolve("revoke.csv");
        Result r = ok(run("plan access-revoke jira --inactive-since 90d --out " + out));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("account_id,product,email,last_active");
        assertThat(lines).hasSizeGreaterThan(1);
        Instant since = Instant.now().minus(Duration.ofDays(90));
        List<SandboxUser> planned = lines.stream()
                .skip(1)
                .map(l -> server.org().findById(l.split(",")[0]).orElseThrow())
                .toList();
        // judged by Jira alone: nobody who used Jira since, and some who used another product since
        assertThat(planned).allSatisfy(u -> {
            assertThat(has(u, "jira-software")).isTrue();
            Instant jira = lastUse(u, "jira-software");
            assertThat(jira == null || jira.isBefore(since)).as(u.accountId()).isTrue();
        });
        assertThat(planned).anySatisfy(u -> assertThat(u.lastActive()).isAfter(since));
        long jiraIdle = server.org().users().stream()
                .filter(u -> u.managed() && has(u, "jira-software"))
                .filter(u -> lastUse(u, "jira-software") != null
                        && lastUse(u, "jira-software").isBefore(since))
                .filter(u -> u.lastActive().isAfter(since))
                .count();
        assertThat(jiraIdle).isPositive();
        assertThat(r.err()).contains("next: preview");
    }

    Instant lastUse(SandboxUser u, String key) {
        return server.org().findById(u.accountId()).orElseThrow().productAccess().stream()
                .filter(p -> p.key().equals(key))
                .map(ProductAccess::lastActive)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    @Test
    void anUnknownProductOrAMissingRoleIsOneLineAndExitTwo() {
        Result unknown = run("plan access-revoke frobnicator --inactive-since 90d");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err())
                .contains("no product 'frobnicator'")
                .contains("products list")
                .doesNotContain("\tat ");

        Result noRole = run("plan access-grant jira --inactive-since 90d");
        assertThat(noRole.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRole.err()).contains("needs the ROLE");
    }
}
