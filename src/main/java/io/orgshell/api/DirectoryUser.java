package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A user of a v2 directory (CONTRACT.md §8, {@code MultiDirectoryUser}): camelCase, every field optional. It is the
 * one listing that tells suspension ({@code membershipStatus}), IdP sync ({@code managementSource}) and org-admin
 * role at once, so preview and search read it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = DirectoryUserReader.class)
public record DirectoryUser(
        String accountId,
        String accountType,
        String name,
        String nickname,
        String email,
        String status,
        String accountStatus,
        String membershipStatus,
        String claimStatus,
        String managementSource,
        List<String> platformRoles,
        String jobTitle,
        String department,
        String organization,
        String location,
        String timeZone,
        String addedToOrg,
        Boolean forDeletion,
        String deactivatedOn,
        List<GroupRef> groups,
        List<ProductActivity> productAccess,
        Boolean mfaEnabled)
        implements OrgAccount {

    /** A product as {@code expand=productAccess} lists it, with the account's last activity in it (ISO-8601). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductActivity(String key, String id, String lastActiveTimestamp) {}

    /** A group as {@code expand=groups} lists it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupRef(String id, String name) {}

    public boolean isSynced() {
        return "synced".equalsIgnoreCase(managementSource);
    }

    /** Null when the answer carried no roles at all: unknown, not "no" (an admin must never pass for a user). */
    public Boolean isOrgAdmin() {
        return platformRoles == null ? null : platformRoles.contains("atlassian/org-admin");
    }

    public boolean isSuspended() {
        return "suspended".equalsIgnoreCase(membershipStatus) || "suspended".equalsIgnoreCase(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<DirectoryUser> data, Links links) implements ListPage {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record One(DirectoryUser data) {}
}
