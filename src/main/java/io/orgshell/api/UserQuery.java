package io.orgshell.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters of the v2 user search (CONTRACT.md §8.1) a selection can hand to the server: within a filter any value
 * matches, across filters all must. An empty set or a null is no filter. {@code productAccess} asks for each
 * account's last activity per product ({@code expand: productAccess}).
 */
public record UserQuery(
        Set<String> emailDomains,
        Set<String> accountStatus,
        Set<String> membershipStatus,
        Set<String> groupIds,
        String claimStatus,
        boolean productAccess) {

    public UserQuery {
        emailDomains = Set.copyOf(emailDomains);
        accountStatus = Set.copyOf(accountStatus);
        membershipStatus = Set.copyOf(membershipStatus);
        groupIds = Set.copyOf(groupIds);
    }

    /** The search body, without paging; values sorted so the same query is the same request. */
    Map<String, Object> body(int limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("limit", limit);
        put(body, "emailDomains", emailDomains);
        put(body, "accountStatus", accountStatus);
        put(body, "membershipStatus", membershipStatus);
        put(body, "groupIds", groupIds);
        if (claimStatus != null) {
            body.put("claimStatus", claimStatus);
        }
        // roles may come only when asked for (CONTRACT.md §8.1 lists platformRoles among expand's values)
        body.put("expand", productAccess ? List.of("productAccess", "platformRoles") : List.of("platformRoles"));
        return body;
    }

    private static void put(Map<String, Object> body, String name, Set<String> values) {
        if (!values.isEmpty()) {
            body.put(name, values.stream().sorted().toList());
        }
    }
}
