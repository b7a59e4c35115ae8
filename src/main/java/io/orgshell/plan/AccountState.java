package io.orgshell.plan;

import io.orgshell.api.DirectoryUser;
import io.orgshell.api.OrgAccount;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What preview and the run know of one account, from the directory's answer. A field the answer did not tell is
 * null: an unknown org-admin role protects the account ({@link RowChecks}); other unknown states count as "not done
 * yet". {@code products}: the IDs and keys of the products the account has, when the answer listed them.
 */
public record AccountState(
        String accountId,
        String email,
        boolean managed,
        Boolean synced,
        Boolean orgAdmin,
        String accountStatus,
        String access,
        Boolean forDeletion,
        Map<String, String> profile,
        Set<String> groupIds,
        Set<String> products) {

    /** Profile fields by plan column name; values as the API holds them. */
    public static final List<String> PROFILE_COLUMNS =
            List.of("name", "nickname", "job_title", "department", "organization", "location", "timezone");

    /**
     * From the directory's answer. Any other account type (the v1 list, a profile read) tells no role, no access and
     * no groups: all unknown.
     */
    public static AccountState of(OrgAccount account) {
        if (account instanceof DirectoryUser u) {
            return of(u);
        }
        return new AccountState(
                account.accountId(),
                account.email(),
                true,
                null,
                null,
                account.accountStatus(),
                null,
                null,
                null,
                null,
                null);
    }

    public static AccountState of(DirectoryUser u) {
        boolean managed = u.claimStatus() == null || "managed".equalsIgnoreCase(u.claimStatus());
        String access = "no_membership".equalsIgnoreCase(u.membershipStatus())
                ? "removed"
                : u.isSuspended() ? "suspended" : "active";
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("name", u.name());
        profile.put("nickname", u.nickname());
        profile.put("job_title", u.jobTitle());
        profile.put("department", u.department());
        profile.put("organization", u.organization());
        profile.put("location", u.location());
        profile.put("timezone", u.timeZone());
        Set<String> groups = u.groups() == null
                ? null
                : u.groups().stream().map(DirectoryUser.GroupRef::id).collect(Collectors.toSet());
        return new AccountState(
                u.accountId(),
                u.email(),
                managed,
                u.isSynced(),
                u.isOrgAdmin(),
                u.accountStatus(),
                access,
                u.forDeletion(),
                profile,
                groups,
                products(u));
    }

    public AccountState withEmail(String v) {
        return new AccountState(
                accountId,
                v,
                managed,
                synced,
                orgAdmin,
                accountStatus,
                access,
                forDeletion,
                profile,
                groupIds,
                products);
    }

    public AccountState withAccess(String v) {
        return new AccountState(
                accountId,
                email,
                managed,
                synced,
                orgAdmin,
                accountStatus,
                v,
                forDeletion,
                profile,
                groupIds,
                products);
    }

    public AccountState withLifecycle(String status, Boolean deletion) {
        return new AccountState(
                accountId, email, managed, synced, orgAdmin, status, access, deletion, profile, groupIds, products);
    }

    public AccountState withProfile(Map<String, String> changes) {
        Map<String, String> p = new LinkedHashMap<>(profile == null ? Map.of() : profile);
        p.putAll(changes);
        return new AccountState(
                accountId, email, managed, synced, orgAdmin, accountStatus, access, forDeletion, p, groupIds, products);
    }

    public AccountState withGroup(String groupId, boolean member) {
        Set<String> g = new HashSet<>(groupIds == null ? Set.of() : groupIds);
        if (member) {
            g.add(groupId);
        } else {
            g.remove(groupId);
        }
        return new AccountState(
                accountId, email, managed, synced, orgAdmin, accountStatus, access, forDeletion, profile, g, products);
    }

    /** The IDs and keys of the products the answer lists; null when it did not list them. */
    private static Set<String> products(DirectoryUser u) {
        if (u.productAccess() == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (DirectoryUser.ProductActivity p : u.productAccess()) {
            if (p.id() != null) {
                out.add(p.id());
            }
            if (p.key() != null) {
                out.add(p.key());
            }
        }
        return out;
    }

    /** Whether the account has the product with this ID (or key); null when the answer did not tell. */
    public Boolean hasProduct(String id, String key) {
        return products == null ? null : products.contains(id) || (key != null && products.contains(key));
    }

    public AccountState withProduct(String id, boolean has) {
        Set<String> p = new HashSet<>(products == null ? Set.of() : products);
        if (has) {
            p.add(id);
        } else {
            p.remove(id);
        }
        return new AccountState(
                accountId, email, managed, synced, orgAdmin, accountStatus, access, forDeletion, profile, groupIds, p);
    }
}
