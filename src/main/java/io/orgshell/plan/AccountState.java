package io.orgshell.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.orgshell.api.DirectoryUser;
import io.orgshell.api.ManagedUser;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.UserProfile;

/**
 * What preview and the run know of one account, from whichever listing the org answered. A field the listing
 * could not tell is null (the v1 fallback knows neither IdP sync, admin role, org access nor groups); operations
 * treat an unknown state as "not done yet".
 */
public record AccountState(String accountId, String email, boolean managed, Boolean synced, Boolean orgAdmin,
                           String accountStatus, String access, Boolean forDeletion, Map<String, String> profile,
                           Set<String> groupIds) {

    /** Profile fields by plan column name; values as the API holds them. */
    public static final List<String> PROFILE_COLUMNS = List.of("name", "nickname", "job_title", "department",
            "organization", "location", "timezone");

    /** From whichever listing or read the connection's directory answered with. */
    public static AccountState of(OrgAccount account) {
        if (account instanceof DirectoryUser u) {
            return of(u);
        }
        if (account instanceof ManagedUser u) {
            return of(u);
        }
        return of((UserProfile.Account) account);
    }

    public static AccountState of(DirectoryUser u) {
        boolean managed = u.claimStatus() == null || "managed".equalsIgnoreCase(u.claimStatus());
        String access = "no_membership".equalsIgnoreCase(u.membershipStatus()) ? "removed"
                : u.isSuspended() ? "suspended" : "active";
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("name", u.name());
        profile.put("nickname", u.nickname());
        profile.put("job_title", u.jobTitle());
        profile.put("department", u.department());
        profile.put("organization", u.organization());
        profile.put("location", u.location());
        profile.put("timezone", u.timeZone());
        Set<String> groups = u.groups() == null ? null
                : u.groups().stream().map(DirectoryUser.GroupRef::id).collect(Collectors.toSet());
        return new AccountState(u.accountId(), u.email(), managed, u.isSynced(), u.isOrgAdmin(), u.accountStatus(),
                access, u.forDeletion(), profile, groups);
    }

    public static AccountState of(ManagedUser u) {
        return new AccountState(u.accountId(), u.email(), true, null, null, u.accountStatus(), null, null, null,
                null);
    }

    /** From {@code GET /users/{id}/manage/profile}, the per-account read when the v2 directory API is missing. */
    public static AccountState of(UserProfile.Account a) {
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("name", a.name());
        profile.put("nickname", a.nickname());
        profile.put("job_title", a.extendedProfile() == null ? null : a.extendedProfile().jobTitle());
        profile.put("department", a.extendedProfile() == null ? null : a.extendedProfile().department());
        profile.put("organization", a.extendedProfile() == null ? null : a.extendedProfile().organization());
        profile.put("location", a.extendedProfile() == null ? null : a.extendedProfile().location());
        profile.put("timezone", a.zoneinfo());
        return new AccountState(a.accountId(), a.email(), true, null, null, a.accountStatus(), null, null, profile,
                null);
    }

    public AccountState withEmail(String v) {
        return new AccountState(accountId, v, managed, synced, orgAdmin, accountStatus, access, forDeletion, profile,
                groupIds);
    }

    public AccountState withAccess(String v) {
        return new AccountState(accountId, email, managed, synced, orgAdmin, accountStatus, v, forDeletion, profile,
                groupIds);
    }

    public AccountState withLifecycle(String status, Boolean deletion) {
        return new AccountState(accountId, email, managed, synced, orgAdmin, status, access, deletion, profile,
                groupIds);
    }

    public AccountState withProfile(Map<String, String> changes) {
        Map<String, String> p = new LinkedHashMap<>(profile == null ? Map.of() : profile);
        p.putAll(changes);
        return new AccountState(accountId, email, managed, synced, orgAdmin, accountStatus, access, forDeletion, p,
                groupIds);
    }

    public AccountState withGroup(String groupId, boolean member) {
        Set<String> g = new java.util.HashSet<>(groupIds == null ? Set.of() : groupIds);
        if (member) {
            g.add(groupId);
        } else {
            g.remove(groupId);
        }
        return new AccountState(accountId, email, managed, synced, orgAdmin, accountStatus, access, forDeletion,
                profile, g);
    }
}
