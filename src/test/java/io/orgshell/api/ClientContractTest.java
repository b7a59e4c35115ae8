package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.ContractValidator;
import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.RecordedExchange;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.ShellTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the client sends, and the sandbox's answer, validates against the contract: Atlassian's OpenAPI
 * documents for v1 and user management, this project's fragment for the v2 directory routes.
 */
class ClientContractTest extends ShellTest {

    @TempDir
    Path tmp;

    @Test
    void requestsOfTheReadCommandsFollowTheContract() {
        SandboxServer server =
                sandbox(SandboxConfig.defaults().withUsers(150).withPageSize(40).withSeed(9));
        List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        ExchangeRecorder.onExchange(server, exchanges::add);
        connectTo(server);
        String someone = server.org().managedAt(2).accountId();

        assertThat(run("orgs list").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run("domains list").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run("users export --out " + tmp.resolve("u.csv") + " --columns account_id,email,access_billable")
                        .exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(run("users export --out " + tmp.resolve("v2.csv")).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(run("users show " + someone).exitCode()).isEqualTo(ExitCodes.OK);

        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (RecordedExchange e : List.copyOf(exchanges)) {
            checked.add(e.method() + " " + e.path());
            assertThat(e.requestHeaders().get("Authorization"))
                    .as("Bearer auth on " + e.path())
                    .singleElement()
                    .asString()
                    .startsWith("Bearer ");
            ContractValidator.shared().problems(e).forEach(p -> problems.add(e.method() + " " + e.path() + ": " + p));
        }
        assertThat(checked)
                .anyMatch(s -> s.endsWith("/users"))
                .anyMatch(s -> s.contains("/domains"))
                .anyMatch(s -> s.endsWith("/manage/profile"))
                .anyMatch(s -> s.equals("GET /admin/v1/orgs"))
                .anyMatch(s -> s.endsWith("/users/search"));
        assertThat(problems).isEmpty();
    }

    @Test
    void requestsOfTheWritesFollowTheContract() throws IOException {
        SandboxServer server = sandbox(SandboxConfig.defaults().withUsers(60).withSeed(9));
        List<RecordedExchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        ExchangeRecorder.onExchange(server, exchanges::add);
        connectTo(server);
        List<SandboxUser> two = Accounts.plain(server).limit(2).toList();
        String a = two.get(0).accountId();
        String b = two.get(1).accountId();

        write("suspend", "account_id\n" + a + "\n");
        write("restore", "account_id\n" + a + "\n");
        write("group-add", "account_id,group\n" + b + ",engineering\n");
        write("group-remove", "account_id,group\n" + b + ",engineering\n");
        write("remove", "account_id\n" + b + "\n");

        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (RecordedExchange e : List.copyOf(exchanges)) {
            checked.add(e.method() + " " + e.path());
            ContractValidator.shared().problems(e).forEach(p -> problems.add(e.method() + " " + e.path() + ": " + p));
        }
        assertThat(checked)
                .anyMatch(s -> s.startsWith("POST ") && s.endsWith(a + "/suspend"))
                .anyMatch(s -> s.startsWith("POST ") && s.endsWith(a + "/restore"))
                .anyMatch(s -> s.startsWith("POST ") && s.endsWith("/memberships"))
                .anyMatch(s -> s.startsWith("DELETE ") && s.endsWith("/memberships/" + b))
                .anyMatch(s -> s.startsWith("DELETE ") && s.endsWith("/users/" + b));
        assertThat(problems).isEmpty();
    }

    private void write(String op, String csv) throws IOException {
        Path plan = Files.writeString(tmp.resolve(op + ".csv"), csv);
        ok(run("load --op " + op + " " + plan));
        ok(run("preview"));
        Result r = run("run --yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
    }
}
