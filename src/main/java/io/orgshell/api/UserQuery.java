package io.orgshell.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The filters of the v2 user search (CONTRACT.md §8.1) a selection can hand to the server: within a filter any value
 * matches, across filters all must. An empty set or a null is no filter. {@code productAccess} asks for each
 * account's last activity per product ({@code expand: productAccess}); {@code mfaEnabled} picks accounts with
 * two-step verification on ({@code true}) or off ({@code false}).
 */
public record UserQuery(
        Set<String> emailDomains,
        Set<String> accountStatus,
        Set<String> membershipStatus,
        Set<String> groupIds,
        String claimStatus,
        boolean productAccess,
        Boolean mfaEnabled) {

    public UserQuery {
        emailDomains = Set.copyOf(emailDomains);
        accountStatus = Set.copyOf(accountStatus);
        membershipStatus = Set.copyOf(membershipStatus);
        groupIds = Set.copyOf(groupIds);
    }

    public UserQuery(
            Set<String> emailDomains,
            Set<String> accountStatus,
            Set<String> membershipStatus,
            Set<String> groupIds,
            String claimStatus,
            boolean productAccess) {
        this(emailDomains, accountStatus, membershipStatus, groupIds, claimStatus, productAccess, null);
    }

    /** The filters as the query of {@code users/count}: one key per value for the lists, as the contract has them. */
    MultiValueMap<String, String> countQuery() {
        MultiValueMap<String, String> q = new LinkedMultiValueMap<>();
        emailDomains.stream().sorted().forEach(v -> q.add("emailDomains", v));
        accountStatus.stream().sorted().forEach(v -> q.add("accountStatus", v));
        membershipStatus.stream().sorted().forEach(v -> q.add("membershipStatus", v));
        groupIds.stream().sorted().forEach(v -> q.add("groupIds", v));
        if (claimStatus != null) {
            q.add("claimStatus", claimStatus);
        }
        if (mfaEnabled != null) {
            q.add("mfaEnabled", mfaEnabled.toString());
        }
        return q;
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
        if (mfaEnabled != null) {
            body.put("mfaEnabled", mfaEnabled);
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
