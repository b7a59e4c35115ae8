package io.orgshell.command;

import static io.orgshell.support.CsvFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/** The read-only commands end to end: shell → WebClient → sandbox over HTTP, across many pages. */
class ReadCommandsTest extends FreshSandboxTest {

    static final int USERS = 1_234;
    static final int PAGE_SIZE = 50;

    @Autowired
    CompletionProvider completion;

    @Autowired
    CommandRegistry registry;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(USERS).withPageSize(PAGE_SIZE).withSeed(7);
    }

    @Test
    void domainsListShowsVerifiedDomainsOnlyUnlessAll() {
        Result verified = run("domains list");
        assertThat(verified.exitCode()).isEqualTo(ExitCodes.OK);
        List<String> verifiedNames = server.org().domains().stream()
                .filter(d -> d.verified())
                .map(d -> d.name())
                .toList();
        List<String> others = server.org().domains().stream()
                .filter(d -> !d.verified())
                .map(d -> d.name())
                .toList();
        assertThat(others).isNotEmpty();
        assertThat(verified.out()).contains(verifiedNames).doesNotContain(others);

        Result all = run("domains list --all");
        assertThat(all.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(all.out()).contains(verifiedNames).contains(others).contains("unverified");
    }

    @Test
    void domainsListWritesOwnerOnlyCsv() throws Exception {
        Path out = tmp.resolve("domains.csv");
        Result r = run("domains list --out " + out);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = read(out);
        assertThat(rows).extracting(x -> x.get("name")).contains("acme.example");
        assertThat(rows).allSatisfy(x -> assertThat(x.get("status")).isEqualTo("verified"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
    }

    @Test
    void usersExportStreamsEveryPageOnceAndNeutralisesFormulas() throws Exception {
        SandboxUser target = server.org().managedAt(3);
        server.org()
                .update(
                        target.accountId(),
                        u -> u.withProfile(
                                "=HYPERLINK(\"http://x\")",
                                u.nickname(),
                                u.zoneinfo(),
                                u.locale(),
                                u.jobTitle(),
                                u.department(),
                                u.organization(),
                                u.location()));
        long before = server.stats().requests("GET /admin/v1/orgs/{orgId}/users");
        String search = "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search";
        long searches = server.stats().requests(search);
        Path out = tmp.resolve("users.csv");

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        int managed = server.org().managedCount();
        // one v2 search a page of 100, whatever page size the v1 list has; the v1 list is not read
        long pages = server.stats().requests(search) - searches;
        assertThat(pages).isGreaterThanOrEqualTo((managed + 99) / 100).isGreaterThan(10);
        assertThat(server.stats().requests("GET /admin/v1/orgs/{orgId}/users") - before)
                .isZero();
        assertThat(r.err())
                .contains(String.format("exported %,d accounts", managed))
                .contains(pages + " pages");

        List<CSVRecord> rows = read(out);
        assertThat(rows).hasSize(managed);
        Set<String> ids = new HashSet<>();
        rows.forEach(x -> ids.add(x.get("account_id")));
        assertThat(ids).hasSize(managed);
        assertThat(rows.get(0).toMap().keySet())
                .contains(
                        "account_id", "email", "name", "account_status", "last_active", "product_access", "org_access");
        CSVRecord formula = rows.stream()
                .filter(x -> x.get("account_id").equals(target.accountId()))
                .findFirst()
                .orElseThrow();
        assertThat(formula.get("name")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
        assertThat(Files.exists(tmp.resolve("users.csv.part"))).isFalse();
    }

    @Test
    void usersExportFiltersByStatus() throws Exception {
        Path out = tmp.resolve("inactive.csv");
        Result r = run("users export --out " + out + " --status inactive");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = read(out);
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(x -> assertThat(x.get("account_status")).isEqualTo("inactive"));
        assertThat(run("users export --out " + out + " --status sleeping").err())
                .contains("unknown status 'sleeping'");
    }

    @Test
    void usersExportToAnUnwritablePlaceFailsBeforeAnyRequest() {
        long before = server.stats().requests("GET /admin/v1/orgs/{orgId}/users");
        Result r = run("users export --out " + tmp.resolve("no/such/dir/users.csv"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("cannot write").contains("does not exist").doesNotContain("Exception");
        assertThat(server.stats().requests("GET /admin/v1/orgs/{orgId}/users")).isEqualTo(before);
    }

    @Test
    void usersShowByIdAndByEmail() {
        SandboxUser u = server.org().managedAt(10);
        Result byId = run("users show " + u.accountId());
        assertThat(byId.exitCode()).as(byId.toString()).isEqualTo(ExitCodes.OK);
        assertThat(byId.out()).contains(u.email()).contains(u.name());

        Result byEmail = run("users show " + u.email().toUpperCase());
        assertThat(byEmail.exitCode()).as(byEmail.toString()).isEqualTo(ExitCodes.OK);
        assertThat(byEmail.out()).contains(u.accountId());

        Result unknown = run("users show 000000000000000000000000");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("no account 000000000000000000000000");
    }

    @Test
    void usersFindFillsTheCompletionCache() {
        SandboxUser u = server.org().managedAt(42);
        String lastName = u.name().substring(u.name().lastIndexOf(' ') + 1);
        Result r = run("users find " + lastName);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains(u.accountId());

        var command = registry.getCommandByName("users show");
        String prefix = u.accountId().substring(0, 6);
        var ctx = new CompletionContext(List.of("users", "show", prefix), 2, prefix.length(), command, null);
        assertThat(completion.apply(ctx))
                .extracting(CompletionProposal::value)
                .contains(u.accountId())
                .allSatisfy(v -> assertThat(v).startsWith(prefix));
    }

    @Test
    void listingsInAPipeAreTabSeparatedAndAtATerminalATable() {
        List<String> lines = run("domains list --all").out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Domain\tStatus\tVerification");
        assertThat(lines).anyMatch(l -> l.matches("acme\\.example\tverified\t\\S+"));
        outputToTerminal(120, false);
        assertThat(run("domains list").out()).contains("│").doesNotContain("\t");
    }

    @Test
    void orgsListAndStatusNameTheOrgButNeverTheKey() {
        Result orgs = run("orgs list");
        assertThat(orgs.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(orgs.out()).contains(server.orgName()).contains(server.orgId());
        Result status = run("status");
        assertThat(status.out())
                .contains(server.orgName())
                .contains("[SANDBOX]")
                .contains("sha256:");
        assertThat(orgs.all() + status.all()).doesNotContain(server.apiKey());
    }
}
