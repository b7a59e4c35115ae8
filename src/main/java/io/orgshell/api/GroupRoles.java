package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Whether a group grants administration: whether it holds an admin role (org-admin, site-admin, admin,
 * user-access-admin) on any resource, read from {@code GET .../groups/{groupId}/role-assignments} (CONTRACT.md §8.2).
 * Adding someone to such a group makes them an administrator. Where the org does not say (an error, a page without
 * data, an assignment without its role), the group is taken to grant administration.
 */
public final class GroupRoles {

    static final String ROLE_ASSIGNMENTS =
            "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}" + "/role-assignments";
    static final Set<String> ADMIN_ROLES =
            Set.of("atlassian/org-admin", "atlassian/site-admin", "atlassian/admin", "atlassian/user-access-admin");

    private GroupRoles() {}

    /**
     * What the org says of a group: {@code grants} whether it grants administration, and {@code why} which admin
     * role it holds, or why the org's answer could not tell (then {@code grants} is true).
     */
    public record Administration(boolean grants, String why) {

        static final Administration NONE = new Administration(false, null);

        public static Administration unknown(String why) {
            return new Administration(true, "the org did not say which roles it grants (" + why + ")");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleAssignment(String resourceId, String roleId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<RoleAssignment> data, Links links) implements ListPage {}

    static Mono<Administration> of(ApiTransport transport, String groupId) {
        return transport
                .pages(ROLE_ASSIGNMENTS, Map.of("directoryId", "-", "groupId", groupId), Map.of(), Page.class)
                .map(GroupRoles::of)
                .filter(Administration::grants)
                .next()
                .defaultIfEmpty(Administration.NONE)
                .onErrorResume(ApiException.class, e -> Mono.just(Administration.unknown(e.toString())));
    }

    private static Administration of(Page page) {
        if (page.data() == null) {
            return Administration.unknown("no data in its answer");
        }
        for (RoleAssignment r : page.data()) {
            if (r == null || r.roleId() == null) {
                return Administration.unknown("a role assignment without its role");
            }
            if (ADMIN_ROLES.contains(r.roleId())) {
                return new Administration(true, "it holds " + r.roleId());
            }
        }
        return Administration.NONE;
    }
}
