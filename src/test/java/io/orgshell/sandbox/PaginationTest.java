package io.orgshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class PaginationTest {

    @RegisterExtension
    static final SandboxExtension sandbox =
            new SandboxExtension(SandboxConfig.defaults().withUsers(1234).withPageSize(100));

    static SandboxServer server;
    static SandboxHttp http;

    /** Path and query of a full {@code links.next} URL, checking it points at this server. */
    private static String relative(String url) {
        URI u = URI.create(url);
        assertThat(url).startsWith(server.baseUri().toString());
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    @Test
    void managedUsersPageToTheLastPageWithConsistentTotalAndNoDuplicates() {
        int expected = server.org().managedCount();
        Set<String> ids = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String path = http.org("/users");
        while (path != null) {
            var r = http.get(path);
            assertThat(r.status()).isEqualTo(200);
            JsonNode page = r.json();
            assertThat(page.get("meta").get("total").asInt()).isEqualTo(expected);
            pageSizes.add(page.get("data").size());
            for (JsonNode u : page.get("data")) {
                assertThat(ids.add(u.get("account_id").asString())).isTrue();
                assertThat(server.org()
                                .findById(u.get("account_id").asString())
                                .orElseThrow()
                                .managed())
                        .isTrue();
            }
            JsonNode next = page.get("links").get("next");
            if (next != null) assertThat(next.asString()).contains("cursor=");
            path = next == null ? null : relative(next.asString());
        }
        assertThat(ids).hasSize(expected);
        assertThat(expected).isLessThan(1234);
        assertThat(pageSizes).hasSize((expected + 99) / 100);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).containsOnly(100);
    }

    @Test
    void userEntriesHaveTheV1Fields() {
        JsonNode u = http.get(http.org("/users")).json().get("data").get(0);
        assertThat(u.propertyNames())
                .contains(
                        "account_id",
                        "account_type",
                        "account_status",
                        "name",
                        "picture",
                        "email",
                        "access_billable",
                        "product_access",
                        "links");
        assertThat(u.get("account_id").asString()).isEqualTo(server.callerAccountId());
        JsonNode product = u.get("product_access").get(0);
        assertThat(product.propertyNames()).contains("key", "name", "url", "last_active");
    }

    @Test
    void garbageCursorIsADocumentedBadRequest() {
        for (String cursor : List.of("garbage", "MTAw", "dXNlcnM6MTA6YWJjOg", "")) {
            var r = http.get(http.org("/users?cursor=" + cursor));
            assertThat(r.status()).as(cursor).isEqualTo(400);
            JsonNode err = r.json().get("errors").get(0);
            assertThat(err.get("code").asString()).isEqualTo("ADMIN-400-1");
            assertThat(err.get("status").asString()).isEqualTo("400");
        }
        // a domains cursor is not a users cursor
        String domainsNext =
                http.get(http.org("/domains")).json().get("links").get("next").asString();
        String cursor = domainsNext.substring(domainsNext.indexOf("cursor=") + 7);
        assertThat(http.get(http.org("/users?cursor=" + cursor)).status()).isEqualTo(400);
    }

    @Test
    void domainsArePagedInSmallPages() {
        Set<String> names = new HashSet<>();
        String path = http.org("/domains");
        int pages = 0;
        while (path != null) {
            JsonNode page = http.get(path).json();
            pages++;
            for (JsonNode d : page.get("data")) {
                names.add(d.get("attributes").get("name").asString());
                assertThat(d.get("type").asString()).isEqualTo("domains");
                assertThat(d.get("attributes").get("claim").get("status").asString())
                        .isIn("verified", "unverified", "superseded", "deleted", "missing_token");
            }
            JsonNode next = page.get("links").get("next");
            path = next == null ? null : relative(next.asString());
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(names).hasSize(server.org().domains().size());
    }

    @Test
    void domainById() {
        SandboxDomain d = server.org().findDomainByName("acme.io").orElseThrow();
        JsonNode data = http.get(http.org("/domains/" + d.id())).json().get("data");
        assertThat(data.get("id").asString()).isEqualTo(d.id());
        assertThat(data.get("attributes").get("name").asString()).isEqualTo("acme.io");
        var missing = http.get(http.org("/domains/00000000-0000-0000-0000-000000000000"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("errors").get(0).get("code").asString()).isEqualTo("ADMIN-404-3");
        var bad = http.get(http.org("/domains/bad"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("code").asString()).isEqualTo("ADMIN-400-2");
    }

    @Test
    void orgsAndOrgById() {
        JsonNode orgs = http.get("/admin/v1/orgs").json();
        assertThat(orgs.get("data")).hasSize(1);
        assertThat(orgs.get("data").get(0).get("id").asString()).isEqualTo(server.orgId());
        assertThat(orgs.get("links").has("next")).isFalse();
        assertThat(http.get("/admin/v1/orgs?cursor=nope").status()).isEqualTo(400);
        JsonNode org = http.get(http.org("")).json().get("data");
        assertThat(org.get("attributes").get("name").asString()).isEqualTo(server.orgName());
        assertThat(org.get("type").asString()).isEqualTo("orgs");
        for (String path :
                List.of("/admin/v1/orgs/unknown", "/admin/v1/orgs/unknown/users", "/admin/v1/orgs/unknown/domains")) {
            var r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            JsonNode err = r.json().get("errors").get(0);
            assertThat(err.get("code").asString()).isEqualTo("ADMIN-404-2");
            assertThat(err.get("title").asString()).isEqualTo("Organization not found");
            assertThat(err.get("status").asString()).isEqualTo("404");
            assertThat(err.has("id") && err.has("detail")).isTrue();
        }
    }

    @Test
    void v2UsersPageWithCursorAloneKeepingTheFilters() {
        // the cursor carries the filters: the next page is asked for with the cursor only
        Set<String> seen = new HashSet<>();
        String body = "{\"claimStatus\":\"unmanaged\",\"limit\":25}";
        int pages = 0;
        while (body != null) {
            JsonNode page = http.post(http.v2("/users/search"), body).json();
            pages++;
            for (JsonNode u : page.get("data")) {
                assertThat(u.get("claimStatus").asString()).isEqualTo("unmanaged");
                assertThat(seen.add(u.get("accountId").asString())).isTrue();
            }
            JsonNode next = page.get("links").get("next");
            body = next == null ? null : "{\"cursor\":\"" + next.asString() + "\",\"limit\":25}";
        }
        long unmanagedInDirectory = server.org().users().stream()
                .filter(u -> !u.managed() && u.access() != OrgAccess.REMOVED)
                .count();
        assertThat(seen).hasSize((int) unmanagedInDirectory);
        assertThat(pages).isGreaterThan(1);
        // and the GET form pages the same way
        JsonNode first =
                http.get(http.v2("/users?limit=10&claimStatus=unmanaged")).json();
        String next = first.get("links").get("next").asString();
        JsonNode second = http.get(http.v2("/users?cursor=" + next)).json();
        assertThat(second.get("data"))
                .allMatch(u -> u.get("claimStatus").asString().equals("unmanaged"));
        assertThat(http.get(http.v2("/users?cursor=bogus")).status()).isEqualTo(400);
    }
}
