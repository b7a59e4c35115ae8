package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The v2 user search and count as CONTRACT.md §8.1 describes them, with the limits the sandbox sets. */
class UserSearchTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(400));

    static SandboxServer server;
    static SandboxHttp http;

    static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static int count(String query) {
        SandboxHttp.Resp r = http.get(http.v2("/users/count" + query));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("count").asInt();
    }

    @Test
    void countAnswersForTheSameFiltersAsTheList() {
        long listed = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .count();
        long managed = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED && u.managed())
                .count();
        long suspended = server.org().users().stream()
                .filter(u -> u.access() == OrgAccess.SUSPENDED)
                .count();
        assertThat(count("")).isEqualTo(listed);
        assertThat(count("?claimStatus=managed")).isEqualTo(managed).isLessThan((int) listed);
        assertThat(count("?membershipStatus=suspended")).isEqualTo(suspended).isPositive();
    }

    @Test
    void mfaEnabledSplitsTheAccountsInTwo() {
        long managed = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED && u.managed())
                .count();
        long withMfa = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED && u.managed() && u.mfaEnabled())
                .count();
        assertThat(count("?claimStatus=managed&mfaEnabled=true"))
                .isEqualTo(withMfa)
                .isPositive();
        assertThat(count("?claimStatus=managed&mfaEnabled=false"))
                .isEqualTo(managed - withMfa)
                .isPositive();

        JsonNode off = http.post(http.v2("/users/search"), "{\"mfaEnabled\":false,\"limit\":100}")
                .json()
                .get("data");
        assertThat(off)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.get("mfaEnabled").asBoolean()).isFalse());
        assertThat(http.post(http.v2("/users/search"), "{\"mfaEnabled\":\"no\"}")
                        .status())
                .isEqualTo(400);
        assertThat(http.get(http.v2("/users/count?mfaEnabled=maybe")).status()).isEqualTo(400);
    }

    @Test
    void emailsMatchExactlyAndWhateverTheCase() {
        SandboxUser managed = server.org().users().stream()
                .filter(SandboxUser::managed)
                .findFirst()
                .orElseThrow();
        SandboxUser unmanaged = server.org().users().stream()
                .filter(u -> !u.managed() && u.access() != OrgAccess.REMOVED)
                .findFirst()
                .orElseThrow();
        String body = "{\"emails\":"
                + json(List.of(
                        managed.email().toUpperCase(Locale.ROOT),
                        unmanaged.email(),
                        "no-one@acme.example",
                        managed.email().substring(1)))
                + ",\"limit\":10}";
        JsonNode data = http.post(http.v2("/users/search"), body).json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.findValuesAsString("accountId"))
                .containsExactlyInAnyOrder(managed.accountId(), unmanaged.accountId());
    }

    @Test
    void listsLongerThanAHundredAndEmailsWithSearchTermAreRefused() {
        List<String> ids = server.org().users().stream()
                .limit(101)
                .map(SandboxUser::accountId)
                .toList();
        SandboxHttp.Resp tooMany = http.post(http.v2("/users/search"), "{\"accountIds\":" + json(ids) + "}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("accountIds holds 101 values; at most 100");
        SandboxHttp.Resp hundred =
                http.post(http.v2("/users/search"), "{\"accountIds\":" + json(ids.subList(0, 100)) + ",\"limit\":100}");
        assertThat(hundred.status()).isEqualTo(200);
        SandboxHttp.Resp both =
                http.post(http.v2("/users/search"), "{\"emails\":[\"a@acme.example\"]," + "\"searchTerm\":\"a\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("emails and searchTerm cannot be used together");
    }

    @Test
    void aSearchLongerThanItsLimitGoesOnWithACursorThatKeepsTheFilters() {
        List<String> ids = server.org().users().stream()
                .filter(u -> u.access() != OrgAccess.REMOVED)
                .limit(30)
                .map(SandboxUser::accountId)
                .toList();
        JsonNode first = http.post(http.v2("/users/search"), "{\"accountIds\":" + json(ids) + ",\"limit\":20}")
                .json();
        assertThat(first.get("data")).hasSize(20);
        String cursor = first.get("links").get("next").asString();
        JsonNode second = http.post(http.v2("/users/search"), "{\"cursor\":\"" + cursor + "\",\"limit\":20}")
                .json();
        assertThat(second.get("data")).hasSize(10);
        assertThat(second.get("links").hasNonNull("next")).isFalse();
    }

    @Test
    void aSearchSendsRolesOnlyWhenAskedAndTheListingAlways() {
        SandboxUser u = server.org().users().get(0);
        String ids = "{\"accountIds\":[\"" + u.accountId() + "\"]";
        JsonNode plain = http.post(http.v2("/users/search"), ids + "}")
                .json()
                .get("data")
                .get(0);
        assertThat(plain.has("platformRoles")).isFalse();
        JsonNode asked = http.post(http.v2("/users/search"), ids + ",\"expand\":[\"platformRoles\"]}")
                .json()
                .get("data")
                .get(0);
        assertThat(asked.get("platformRoles").isArray()).isTrue();
        assertThat(http.get(http.v2("/users?limit=1")).json().get("data").get(0).has("platformRoles"))
                .isTrue();
    }
}
