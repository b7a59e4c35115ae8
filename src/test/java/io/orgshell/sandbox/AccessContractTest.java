package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fragment for user roles and authentication policies is in force: it refuses what it does not describe. */
class AccessContractTest {

    static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    static RecordedExchange exchange(String method, String path, String body, int status, String answer) {
        return new RecordedExchange(method, path, null, JSON, body, status, answer == null ? Map.of() : JSON, answer);
    }

    @Test
    void aRoleChangeNamesAKnownRoleAndAnySuccessStatusIsGood() {
        String path = "/admin/v1/orgs/o1/users/a1/roles/assign";
        assertThat(ContractValidator.shared()
                        .problems(
                                exchange("POST", path, "{\"role\":\"atlassian/user\",\"resource\":\"r\"}", 204, null)))
                .isEmpty();
        assertThat(ContractValidator.shared()
                        .problems(
                                exchange("POST", path, "{\"role\":\"atlassian/boss\",\"resource\":\"r\"}", 204, null)))
                .isNotEmpty();
    }

    @Test
    void addUsersTakesAddressesAndAnswersATask() {
        String path = "/admin/control/v1/orgs/o1/auth-policy/p1/add-users";
        assertThat(ContractValidator.shared()
                        .problems(exchange(
                                "POST",
                                path,
                                "{\"users\":[\"a@x.example\"]}",
                                202,
                                "{\"taskId\":\"t\",\"taskLink\":\"l\"}")))
                .isEmpty();
        assertThat(ContractValidator.shared()
                        .problems(exchange(
                                "POST", path, "{\"userIds\":[\"a\"]}", 202, "{\"taskId\":\"t\",\"taskLink\":\"l\"}")))
                .isNotEmpty();
        assertThat(ContractValidator.shared()
                        .problems(exchange("POST", path, "{\"users\":[\"a@x.example\"]}", 202, "{\"taskId\":\"t\"}")))
                .isNotEmpty();
    }
}
