package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Filters of the v2 user list and search (CONTRACT.md §8.1). Array filters are OR within a filter and AND
 * across filters; an empty set means "no filter". Users removed from the directory are only listed when
 * {@code membershipStatus} asks for {@code no_membership}.
 */
record UserFilter(
        Set<String> accountIds,
        Set<String> emails,
        String searchTerm,
        String claimStatus,
        Set<String> status,
        Set<String> accountStatus,
        Set<String> membershipStatus,
        Set<String> emailDomains,
        Set<String> groupIds,
        Set<String> roleIds,
        Set<String> expand,
        Boolean mfaEnabled) {

    static final List<String> ARRAYS = List.of(
            "accountIds",
            "emails",
            "status",
            "accountStatus",
            "membershipStatus",
            "emailDomains",
            "groupIds",
            "roleIds",
            "expand");

    /** From query parameters (repeated keys, comma-joined values and {@code name[]} keys all accepted). */
    static UserFilter fromQuery(Map<String, List<String>> q) {
        return new UserFilter(
                set(q, "accountIds", false),
                set(q, "emails", true),
                first(q, "searchTerm"),
                first(q, "claimStatus"),
                set(q, "status", false),
                set(q, "accountStatus", false),
                set(q, "membershipStatus", false),
                set(q, "emailDomains", true),
                set(q, "groupIds", false),
                set(q, "roleIds", false),
                set(q, "expand", false),
                bool(first(q, "mfaEnabled")));
    }

    /** From a search body; throws IllegalArgumentException on a wrongly typed field. */
    static UserFilter fromJson(JsonNode b) {
        return new UserFilter(
                set(b, "accountIds", false),
                set(b, "emails", true),
                text(b, "searchTerm"),
                text(b, "claimStatus"),
                set(b, "status", false),
                set(b, "accountStatus", false),
                set(b, "membershipStatus", false),
                set(b, "emailDomains", true),
                set(b, "groupIds", false),
                set(b, "roleIds", false),
                set(b, "expand", false),
                bool(b, "mfaEnabled"));
    }

    /** The filter as a JSON object, to travel inside a cursor. */
    Map<String, Object> toJson() {
        return Json.obj(
                "accountIds",
                orNull(accountIds),
                "emails",
                orNull(emails),
                "searchTerm",
                searchTerm,
                "claimStatus",
                claimStatus,
                "status",
                orNull(status),
                "accountStatus",
                orNull(accountStatus),
                "membershipStatus",
                orNull(membershipStatus),
                "emailDomains",
                orNull(emailDomains),
                "groupIds",
                orNull(groupIds),
                "roleIds",
                orNull(roleIds),
                "expand",
                orNull(expand),
                "mfaEnabled",
                mfaEnabled);
    }

    /** Empty filters are left out of the cursor to keep it short. */
    private static Set<String> orNull(Set<String> s) {
        return s.isEmpty() ? null : s;
    }

    /**
     * This filter, or an IllegalArgumentException (a 400) for what the API refuses: {@code emails} with
     * {@code searchTerm}, and a list filter longer than {@code maxList}.
     */
    UserFilter checked(int maxList) {
        if (!emails.isEmpty() && searchTerm != null) {
            throw new IllegalArgumentException("emails and searchTerm cannot be used together");
        }
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        lists.put("accountIds", accountIds);
        lists.put("emails", emails);
        lists.put("emailDomains", emailDomains);
        lists.put("groupIds", groupIds);
        lists.forEach((name, values) -> {
            if (values.size() > maxList) {
                throw new IllegalArgumentException(
                        name + " holds " + values.size() + " values; at most " + maxList + " are allowed");
            }
        });
        return this;
    }

    /** This filter with no {@code claimStatus}. */
    UserFilter anyClaimStatus() {
        return new UserFilter(
                accountIds,
                emails,
                searchTerm,
                null,
                status,
                accountStatus,
                membershipStatus,
                emailDomains,
                groupIds,
                roleIds,
                expand,
                mfaEnabled);
    }

    boolean expands(String what) {
        return expand.contains(what);
    }

    boolean matches(SandboxUser u, SandboxOrg org) {
        if (u.access() == OrgAccess.REMOVED && !membershipStatus.contains("no_membership")) return false;
        if (!accountIds.isEmpty() && !accountIds.contains(u.accountId())) return false;
        if (!emails.isEmpty() && !emails.contains(u.email().toLowerCase(Locale.ROOT))) return false;
        if (claimStatus != null && !claimStatus.equals(u.managed() ? "managed" : "unmanaged")) return false;
        if (!status.isEmpty() && !status.contains(ApiJson.v2Status(u))) return false;
        if (!accountStatus.isEmpty() && !accountStatus.contains(u.accountStatus())) return false;
        if (!membershipStatus.isEmpty() && !membershipStatus.contains(ApiJson.v2MembershipStatus(u))) return false;
        if (!emailDomains.isEmpty() && !emailDomains.contains(u.emailDomain())) return false;
        if (mfaEnabled != null && mfaEnabled != u.mfaEnabled()) return false;
        if (!roleIds.isEmpty() && !(u.orgAdmin() && roleIds.contains("atlassian/org-admin"))) return false;
        if (!groupIds.isEmpty() && groupIds.stream().noneMatch(g -> org.isMember(g, u.accountId()))) return false;
        if (searchTerm != null && !searchTerm.isBlank()) {
            String t = searchTerm.toLowerCase(Locale.ROOT);
            return u.name().toLowerCase(Locale.ROOT).contains(t)
                    || u.email().toLowerCase(Locale.ROOT).contains(t)
                    || u.nickname().toLowerCase(Locale.ROOT).contains(t);
        }
        return true;
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Set<String> set(Map<String, List<String>> q, String name, boolean lower) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : List.of(name, name + "[]")) {
            for (String v : q.getOrDefault(key, List.of())) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) out.add(lower ? part.trim().toLowerCase(Locale.ROOT) : part.trim());
                }
            }
        }
        return out;
    }

    /** {@code true} or {@code false}, any case; anything else is refused (a 400), absent is no filter. */
    private static Boolean bool(String value) {
        if (value == null) return null;
        if (value.equalsIgnoreCase("true")) return Boolean.TRUE;
        if (value.equalsIgnoreCase("false")) return Boolean.FALSE;
        throw new IllegalArgumentException("mfaEnabled must be true or false");
    }

    private static Boolean bool(JsonNode b, String name) {
        JsonNode n = b.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw new IllegalArgumentException(name + " must be a boolean");
        return n.asBoolean();
    }

    private static String text(JsonNode b, String name) {
        JsonNode n = b.get(name);
        if (n == null || n.isNull()) return null;
        if (!n.isString()) throw new IllegalArgumentException(name + " must be a string");
        return n.asString();
    }

    private static Set<String> set(JsonNode b, String name, boolean lower) {
        JsonNode n = b.get(name);
        Set<String> out = new LinkedHashSet<>();
        if (n == null || n.isNull()) return out;
        List<JsonNode> items = new ArrayList<>();
        if (n.isArray()) n.forEach(items::add);
        else items.add(n);
        for (JsonNode item : items) {
            if (!item.isString()) throw new IllegalArgumentException(name + " must be an array of strings");
            out.add(lower ? item.asString().toLowerCase(Locale.ROOT) : item.asString());
        }
        return out;
    }
}
