package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.OrgAccess;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json} on every read command, against an org full of hostile strings: exactly one document on standard
 * output whose fields match the sandbox's own records, notes on standard error, nothing on standard output when
 * the command fails, no key, no colour, and every control character escaped (so the document is inert at a
 * terminal) while the values decode to exactly what the API holds.
 */
class JsonOutputTest extends FreshSandboxTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(11).withHostileStrings(true);
    }

    @Test
    void statusNamesTheOrgAndTheKeyFingerprintNeverTheKey() {
        JsonNode status = document("status --json");
        assertThat(status.get("connected").asBoolean()).isTrue();
        assertThat(status.get("organization").get("id").asString()).isEqualTo(server.orgId());
        assertThat(status.get("organization").get("name").asString()).isEqualTo(server.orgName());
        assertThat(status.get("organization").get("sandbox").asBoolean()).isTrue();
        assertThat(status.get("base_url").asString())
                .isEqualTo(server.baseUri().toString().replaceAll("/$", ""));
        assertThat(status.get("api_key_fingerprint").asString()).startsWith("sha256:");
        assertThat(status.get("your_account_id").asString()).isEqualTo(server.callerAccountId());
        assertThat(fieldNames(status))
                .containsExactly(
                        "connected",
                        "organization",
                        "base_url",
                        "proxy",
                        "api_key_fingerprint",
                        "profile",
                        "your_account_id",
                        "would_connect_to",
                        "plan");
        assertThat(status.toString()).doesNotContain(server.apiKey());
    }

    @Test
    void orgsAndDomainsAreTheSandboxOrgsOwn() {
        JsonNode orgs = document("orgs list --json").get("organizations");
        assertThat(orgs).anySatisfy(o -> {
            assertThat(o.get("id").asString()).isEqualTo(server.orgId());
            assertThat(o.get("name").asString()).isEqualTo(server.orgName());
        });

        JsonNode verified = document("domains list --json").get("domains");
        assertThat(texts(verified, "name"))
                .containsExactlyInAnyOrderElementsOf(server.org().domains().stream()
                        .filter(d -> d.verified())
                        .map(d -> d.name())
                        .toList());
        JsonNode all = document("domains list --all --json").get("domains");
        assertThat(all).hasSize(server.org().domains().size());
        for (var d : server.org().domains()) {
            assertThat(all).anySatisfy(n -> {
                assertThat(n.get("id").asString()).isEqualTo(d.id());
                assertThat(n.get("name").asString()).isEqualTo(d.name());
                assertThat(n.get("status").asString()).isEqualTo(d.claimStatus());
                assertThat(n.get("verification_type").asString()).isEqualTo(d.claimType());
            });
        }
    }

    @Test
    void usersShowAndFindGiveTheAccountsFieldsUnsanitised() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.name().contains("\u001b") && x.managed())
                .findFirst()
                .orElseThrow();
        JsonNode shown = document("users show " + u.accountId() + " --json");
        assertThat(shown.get("account_id").asString()).isEqualTo(u.accountId());
        assertThat(shown.get("name").asString()).isEqualTo(u.name()).contains("\u001b[31m", "\u202e");
        assertThat(shown.get("nickname").asString()).isEqualTo(u.nickname());
        assertThat(shown.get("email").asString()).isEqualTo(u.email());
        assertThat(shown.get("account_status").asString()).isEqualTo(u.accountStatus());
        assertThat(shown.get("org_access").asString())
                .isEqualTo(u.access() == OrgAccess.SUSPENDED ? "suspended" : "active");
        assertThat(shown.get("idp_managed").asBoolean()).isEqualTo(u.idpSynced());
        assertThat(shown.get("org_admin").asBoolean()).isEqualTo(u.orgAdmin());
        assertThat(shown.get("job_title").asString()).isEqualTo(u.jobTitle());
        assertThat(shown.get("time_zone").asString()).isEqualTo(u.zoneinfo());

        String lastName = u.name().split(" ")[1];
        JsonNode found = document("users find " + lastName + " --json");
        assertThat(found.get("query").asString()).isEqualTo(lastName);
        assertThat(found.get("more").asBoolean()).isFalse();
        assertThat(found.get("accounts")).anySatisfy(a -> {
            assertThat(a.get("account_id").asString()).isEqualTo(u.accountId());
            assertThat(a.get("email").asString()).isEqualTo(u.email());
            assertThat(a.get("name").asString()).isEqualTo(u.name());
            assertThat(a.get("account_status").asString()).isEqualTo(u.accountStatus());
        });
        assertThat(document("users find zzzz-nobody --json").get("accounts")).isEmpty();
    }

    @Test
    void previewGivesCountsWriteOrderAndEveryRowThenRunsListAndShowTheRun() throws Exception {
        List<SandboxUser> plain = Accounts.plain(server)
                .filter(x -> !x.email().contains("\u202e"))
                .limit(2)
                .toList();
        SandboxUser hostile = Accounts.plain(server)
                .filter(x -> x.email().contains("\u202e"))
                .findFirst()
                .orElseThrow();
        SandboxUser a = plain.get(0);
        SandboxUser b = plain.get(1);
        Path plan = Files.writeString(
                tmp.resolve("swap.csv"),
                "account_id,email\n"
                        + a.accountId() + "," + b.email() + "\n"
                        + b.accountId() + "," + a.email() + "\n"
                        + hostile.accountId() + "," + Accounts.movedAddress(a) + "\n"
                        + "000000000000000000000000,nobody@acme.example\n");
        ok(run("load " + plan));

        Result r = run("preview --json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("preview of email, 4 rows from swap.csv");
        JsonNode preview = parse(r.out());
        assertThat(preview.get("plan").get("operation").asString()).isEqualTo("email");
        assertThat(preview.get("plan").get("rows").asInt()).isEqualTo(4);
        assertThat(preview.get("counts").toString())
                .isEqualTo("{\"ok\":3,\"already_done\":0,\"blocked\":1,\"invalid\":0}");
        assertThat(preview.get("safety_warning").isNull()).isTrue();
        assertThat(preview.get("undoable").asBoolean()).isTrue();
        JsonNode rows = preview.get("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("account_id").asString()).isEqualTo(a.accountId());
        assertThat(rows.get(0).get("email").asString()).isEqualTo(a.email());
        assertThat(rows.get(0).get("name").asString()).isEqualTo(a.name());
        assertThat(rows.get(3).get("name").isNull()).isTrue();
        assertThat(rows.get(0).get("current").asString()).isEqualTo(a.email());
        assertThat(rows.get(0).get("target").get("email").asString()).isEqualTo(b.email());
        assertThat(rows.get(0).get("verdict").asString()).isEqualTo("OK");
        assertThat(rows.get(2).get("current").asString())
                .isEqualTo(hostile.email())
                .contains("\u202e");
        assertThat(rows.get(3).get("verdict").asString()).isEqualTo("BLOCKED");
        assertThat(rows.get(3).get("reason").asString()).contains("not found");
        assertThat(fieldNames(rows.get(0)))
                .containsExactly("line", "account_id", "email", "name", "verdict", "reason", "current", "target");

        // a swap goes through a temporary address: four writes, the last two waiting for earlier ones
        JsonNode order = preview.get("write_order");
        assertThat(preview.get("writes").asInt()).isEqualTo(4).isEqualTo(order.size());
        assertThat(texts(order, "step")).containsExactly("1", "2", "3", "4");
        assertThat(order)
                .anySatisfy(w -> assertThat(w.get("temporary").asBoolean()).isTrue());
        assertThat(order).anySatisfy(w -> assertThat(w.get("after").isInt()).isTrue());
        assertThat(order)
                .allSatisfy(w -> assertThat(fieldNames(w))
                        .containsExactly("step", "line", "account_id", "from", "to", "temporary", "after"));

        Result ran = run("run --yes");
        assertThat(ran.exitCode()).as(ran.toString()).isEqualTo(ExitCodes.OK);
        JsonNode shown = document("runs show --json");
        String id = shown.get("id").asString();
        assertThat(ran.err()).contains("run " + id);
        assertThat(shown.get("state").asString()).isEqualTo("finished");
        assertThat(document("preview --json").get("plan").get("finished_by_run").asString())
                .isEqualTo(id);
        assertThat(shown.get("operation").asString()).isEqualTo("email");
        assertThat(shown.get("org_id").asString()).isEqualTo(server.orgId());
        assertThat(shown.get("org_name").asString()).isEqualTo(server.orgName());
        assertThat(shown.get("rows").asInt()).isEqualTo(4);
        assertThat(shown.get("writes").asInt()).isEqualTo(4);
        assertThat(shown.get("outcomes").toString())
                .isEqualTo("{\"applied\":3,\"already_done\":0,\"skipped\":1,\"failed\":0,\"pending\":0}");
        assertThat(Path.of(shown.get("results_file").asString())).exists();
        assertThat(shown.get("failures")).isEmpty();
        assertThat(server.org().findById(a.accountId()).orElseThrow().email()).isEqualTo(b.email());

        JsonNode listed = document("runs list --json").get("runs");
        assertThat(listed).anySatisfy(run -> {
            assertThat(run.get("id").asString()).isEqualTo(id);
            assertThat(run.get("state").asString()).isEqualTo("finished");
            assertThat(run.get("outcomes").get("applied").asLong()).isEqualTo(3);
            assertThat(run.get("damage").isNull()).isTrue();
        });
    }

    @Test
    void aPreviewOverTheSafetyLimitCarriesTheWarningAndAStateRowAsksForNoValue() throws Exception {
        List<SandboxUser> many = Accounts.plain(server)
                .filter(u -> !u.email().contains("\u202e"))
                .limit(server.org().managedCount() / 4)
                .toList();
        StringBuilder csv = new StringBuilder("account_id,email\n");
        many.forEach(
                u -> csv.append(u.accountId()).append(',').append(u.email()).append('\n'));
        ok(run("load " + Files.writeString(tmp.resolve("many.csv"), csv) + " --op suspend"));

        JsonNode preview = document("preview --json");
        assertThat(preview.get("safety_warning").asString())
                .startsWith("run will refuse to ")
                .endsWith("unless given --override-limit");
        assertThat(preview.get("counts").get("ok").asLong()).isEqualTo(many.size());
        JsonNode first = preview.get("rows").get(0);
        assertThat(first.get("account_id").asString()).isEqualTo(many.get(0).accountId());
        assertThat(first.get("email").asString()).isEqualTo(many.get(0).email());
        assertThat(first.get("current").asString()).isEqualTo("active");
        assertThat(first.get("target").isEmpty()).as("suspend takes no value").isTrue();
        assertThat(preview.get("write_order").get(0).get("to").asString()).isEqualTo("suspended");
    }

    @Test
    void aFailingCommandPrintsItsErrorOnStandardErrorAndNothingOnStandardOutput() {
        Result unknown = run("users show 000000000000000000000000 --json");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("error: no account 000000000000000000000000");

        Result usage = run("users find --json");
        assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.out()).isEmpty();

        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", Fault.respond(503, "{}", Map.of()));
        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", Fault.respond(503, "{}", Map.of()));
        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", Fault.respond(503, "{}", Map.of()));
        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", Fault.respond(503, "{}", Map.of()));
        server.faults().add("GET /admin/v1/orgs/{orgId}/domains", Fault.respond(503, "{}", Map.of()));
        Result down = run("domains list --json");
        assertThat(down.exitCode()).as(down.toString()).isNotZero();
        assertThat(down.out()).isEmpty();
        assertThat(down.err()).startsWith("error: ");

        Result noRun = run("runs show 20000101-000000-dead --json");
        assertThat(noRun.exitCode()).isNotZero();
        assertThat(noRun.out()).isEmpty();
    }

    @Test
    void everyDocumentIsInertAtATerminalAndTheSameAtATerminalAsInAPipe() {
        SandboxUser hostile = server.org().users().stream()
                .filter(u -> u.name().contains("\u001b") && u.managed())
                .findFirst()
                .orElseThrow();
        List<String> printed = new ArrayList<>();
        for (String command : List.of(
                "status --json",
                "orgs list --json",
                "domains list --all --json",
                "users show " + hostile.accountId() + " --json",
                "users find " + hostile.name().split(" ")[1] + " --json",
                "runs list --json")) {
            Result r = run(command);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            parse(r.out());
            printed.add(r.out());
        }
        String all = String.join("", printed);
        assertThat(all)
                .doesNotContainPattern(HostileOrgTest.CONTROL)
                .doesNotContainPattern("[\\u2028\\u2029]")
                .contains("\\u001B[31m", "\\u0007", "\\u009B31m", "\\u202E", "\\u0085");

        String inAPipe = run("users show " + hostile.accountId() + " --json").out();
        outputToTerminal(120, true);
        assertThat(run("users show " + hostile.accountId() + " --json").out()).isEqualTo(inAPipe);
        assertThat(run("domains list --json").out()).doesNotContain("\u001b");
    }

    /** Runs the command, which must succeed with exactly one JSON document on standard output. */
    private JsonNode document(String command) {
        Result r = run(command);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        return parse(r.out());
    }

    /** Exactly one document: a second value (or any text) after it fails the parse. */
    private static JsonNode parse(String out) {
        try (var parser = JSON.createParser(out)) {
            JsonNode node = JSON.readTree(parser);
            assertThat(parser.nextToken()).as("anything after the document").isNull();
            assertThat(node.isObject()).isTrue();
            return node;
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
