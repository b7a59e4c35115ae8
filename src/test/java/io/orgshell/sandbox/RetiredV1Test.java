package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * By default the sandbox models the API as Atlassian serves it since 2026-06-30: the retired v1 user and group
 * endpoints answer 410 Gone in the v1 error shape, naming their v2 replacement, and change nothing.
 */
class RetiredV1Test {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(200));

    static SandboxServer server;
    static SandboxHttp http;

    @Test
    void everyRetiredEndpointAnswersGoneAndChangesNothing() {
        SandboxUser u = server.org().users().stream()
                .filter(x -> x.managed() && !x.orgAdmin() && x.access() == OrgAccess.ACTIVE)
                .findFirst()
                .orElseThrow();
        SandboxGroup sales = server.org().findGroupByName("sales").orElseThrow();
        boolean member = server.org().isMember(sales.id(), u.accountId());
        String user = http.org("/directory/users/" + u.accountId());
        String memberships = http.org("/directory/groups/" + sales.id() + "/memberships");
        Map<String, SandboxHttp.Resp> answers = new LinkedHashMap<>();
        answers.put("suspend-access", http.post(user + "/suspend-access", null));
        answers.put("restore-access", http.post(user + "/restore-access", null));
        answers.put("remove", http.delete(user));
        answers.put("add member", http.post(memberships, "{\"account_id\":\"" + u.accountId() + "\"}"));
        answers.put("remove member", http.delete(memberships + "/" + u.accountId()));
        answers.put("groups/search", http.post(http.org("/groups/search"), "{}"));
        answers.put("users/search", http.post(http.org("/users/search"), "{\"limit\":1}"));
        answers.put("create group", http.post(http.org("/directory/groups"), "{\"name\":\"x\"}"));
        answers.put("delete group", http.delete(http.org("/directory/groups/" + sales.id())));

        answers.forEach((what, r) -> {
            assertThat(r.status()).as(what).isEqualTo(410);
            // the application-error shape of CONTRACT.md §5.1
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.propertyNames())
                    .as(what)
                    .containsExactlyInAnyOrder("id", "status", "code", "title", "detail");
            assertThat(error.get("status").asString()).as(what).isEqualTo("410");
            assertThat(error.get("code").asString()).as(what).isEqualTo("ADMIN-410-1");
            assertThat(error.get("detail").asString())
                    .as(what)
                    .contains("retired after 2026-06-30")
                    .contains("/admin/v2/orgs/{orgId}/directories/{directoryId}/");
        });
        assertThat(answers.get("suspend-access")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("detail")
                        .asString())
                .endsWith("users/{accountId}/suspend");
        assertThat(server.org().findById(u.accountId()).orElseThrow().access()).isEqualTo(OrgAccess.ACTIVE);
        assertThat(server.org().isMember(sales.id(), u.accountId())).isEqualTo(member);
        assertThat(server.stats().writes()).isEmpty();
        assertThat(server.stats().requests("POST /admin/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access"))
                .as("counted under its own path, not as an unknown one")
                .isEqualTo(1);
    }

    @Test
    void theRetiredStatusIsAllTheDocumentsDoNotDeclare() {
        List<RecordedExchange> seen = Collections.synchronizedList(new ArrayList<>());
        ExchangeRecorder.onExchange(server, seen::add);
        SandboxUser u = server.org().users().get(5);
        http.post(http.org("/directory/users/" + u.accountId() + "/suspend-access"), null);
        http.post(http.org("/groups/search"), "{}");
        assertThat(seen).hasSize(2);
        for (RecordedExchange e : seen) {
            // the documents know nothing of the retirement: 410 is the one thing they do not declare
            assertThat(ContractValidator.shared().problems(e))
                    .as(e.path())
                    .singleElement()
                    .asString()
                    .startsWith("validation.response.status.unknown");
        }
    }

    @Test
    void theEndpointsAtlassianKeepsStillAnswer() {
        for (String path : List.of("/admin/v1/orgs", http.org(""), http.org("/domains"), http.org("/users"))) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        }
    }
}
