package io.orgshell.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.RecordedExchange;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxDirectory;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An org on the original user-management experience, with three directories ({@code scripts/sandbox --directories 3},
 * which refuses a write sent to another directory than the account's or the group's): each write goes to the
 * directory it belongs to.
 */
class SeveralDirectoriesRunTest extends FreshSandboxTest {

    static final String V2 = "/admin/v2/orgs/{orgId}/directories";

    final List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(57).withDirectories(3);
    }

    @BeforeEach
    void record() {
        exchanges.clear();
        ExchangeRecorder.onExchange(server, exchanges::add);
    }

    SandboxDirectory directoryOf(SandboxUser u) {
        return server.org().directoryOf(u.accountId()).orElseThrow();
    }

    List<SandboxUser> plainIn(SandboxDirectory d, int n, Predicate<SandboxUser> also) {
        return Accounts.plain(server)
                .filter(u -> directoryOf(u).equals(d))
                .filter(also)
                .limit(n)
                .toList();
    }

    /** The directory ID each successful write of {@code pathEnd} was sent to, by the account it wrote. */
    Map<String, String> writtenIn(String method, String pathEnd) {
        Map<String, String> out = new HashMap<>();
        for (RecordedExchange e : List.copyOf(exchanges)) {
            if (e.method().equals(method) && e.path().endsWith(pathEnd) && e.status() / 100 == 2) {
                String[] parts = e.path().split("/");
                String account = e.requestBody() != null && e.requestBody().contains("accountId")
                        ? e.requestBody().replaceAll(".*\"accountId\"\\s*:\\s*\"([^\"]+)\".*", "$1")
                        : URLDecoder.decode(parts[parts.length - 2], StandardCharsets.UTF_8);
                out.put(account, parts[6]);
            }
        }
        return out;
    }

    @Test
    void aSuspendWritesEachAccountInItsOwnDirectory() throws Exception {
        List<SandboxUser> rows = new ArrayList<>();
        server.org().directories().forEach(d -> rows.addAll(plainIn(d, 2, u -> true)));
        assertThat(rows).hasSize(6);
        ok(run("load --op suspend "
                + csv("account_id", rows.stream().map(SandboxUser::accountId).toList())));
        assertThat(run("preview").all()).contains("OK 6");
        Result ran = run("run --yes");
        assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(ExitCodes.OK);
        assertThat(ran.all()).contains("applied 6");
        rows.forEach(u -> assertThat(
                        server.org().findById(u.accountId()).orElseThrow().access())
                .isEqualTo(OrgAccess.SUSPENDED));
        assertThat(writtenIn("POST", "/suspend"))
                .isEqualTo(rows.stream()
                        .collect(Collectors.toMap(
                                SandboxUser::accountId, u -> directoryOf(u).id())));
        assertThat(server.stats().requests("GET " + V2))
                .as("the listing, then each account's directory")
                .isEqualTo(1 + 6);
        assertThat(server.stats().requests("POST " + V2 + "/{directoryId}/users/{accountId}/suspend"))
                .as("no write was sent to a wrong directory first")
                .isEqualTo(6);
    }

    @Test
    void aGroupAddWritesInTheGroupsDirectoryAndNamesTheAccountThatIsNotInIt() throws Exception {
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        SandboxGroup eng = server.org().findGroupByName("engineering").orElseThrow();
        assertThat(sales.directoryId()).isNotEqualTo(eng.directoryId());
        SandboxDirectory salesDir =
                server.org().findDirectory(sales.directoryId()).orElseThrow();
        SandboxDirectory engDir = server.org().findDirectory(eng.directoryId()).orElseThrow();
        List<SandboxUser> toSales = plainIn(salesDir, 2, u -> !server.org().isMember(sales.id(), u.accountId()));
        List<SandboxUser> toEng = plainIn(engDir, 2, u -> !server.org().isMember(eng.id(), u.accountId()));
        SandboxUser stranger = plainIn(engDir, 1, u -> !toEng.contains(u)).get(0);
        List<String> lines = new ArrayList<>();
        toSales.forEach(u -> lines.add(u.accountId() + ",sales"));
        toEng.forEach(u -> lines.add(u.accountId() + ",engineering"));
        lines.add(stranger.accountId() + ",sales");
        ok(run("load --op group-add " + csv("account_id,group", lines)));
        Result preview = run("preview");
        assertThat(preview.all()).as(preview.toString()).contains("OK 5");
        Result ran = run("run --yes");
        assertThat(ran.all()).as(ran.toString()).contains("applied 4").contains("failed 1");
        toSales.forEach(u ->
                assertThat(server.org().isMember(sales.id(), u.accountId())).isTrue());
        toEng.forEach(
                u -> assertThat(server.org().isMember(eng.id(), u.accountId())).isTrue());
        assertThat(server.org().isMember(sales.id(), stranger.accountId())).isFalse();
        Map<String, String> written = writtenIn("POST", "/memberships");
        toSales.forEach(u -> assertThat(written.get(u.accountId())).isEqualTo(sales.directoryId()));
        toEng.forEach(u -> assertThat(written.get(u.accountId())).isEqualTo(eng.directoryId()));
        assertThat(Files.readString(latestResults()))
                .contains(stranger.accountId())
                .contains("not in directory");
    }

    Path latestResults() throws Exception {
        try (var runs = Files.list(CONFIG_DIR.resolve("runs"))) {
            Path dir = runs.max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow();
            return dir.resolve("results.csv");
        }
    }
}
