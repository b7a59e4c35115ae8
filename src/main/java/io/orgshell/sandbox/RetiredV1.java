package io.orgshell.sandbox;

/**
 * The v1 user and group endpoints Atlassian retired after 2026-06-30 (its changelog: {@code users/search},
 * {@code directory/users/{id}/suspend-access}, {@code restore-access}, {@code DELETE directory/users/{id}},
 * {@code groups/search}, {@code directory/groups*} "stop working after June 30, 2026"), as the sandbox answers them by
 * default. Atlassian has not said how a retired endpoint answers; the sandbox's assumption is {@code 410 Gone} in the
 * v1 application-error shape (CONTRACT.md §5.1), naming the v2 replacement. {@code --legacy-v1} serves them as before.
 */
final class RetiredV1 {

    static final String CODE = "ADMIN-410-1";
    static final String V2_USER = "/admin/v2/orgs/{orgId}/directories/{directoryId}/users";
    static final String V2_GROUPS = "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups";

    private RetiredV1() {}

    /** The handler when {@code legacy}, else one that answers the endpoint as retired in favour of {@code v2}. */
    static Router.Handler unless(boolean legacy, Router.Handler handler, String v2) {
        return legacy ? handler : req -> gone(v2);
    }

    static ApiResponse gone(String v2) {
        return ErrorBodies.application(410, CODE, "Gone", "This v1 endpoint was retired after 2026-06-30; use " + v2);
    }
}
