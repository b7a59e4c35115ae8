package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The admin control API's authentication policies (ENDPOINTS-2026.md (c)): {@code GET .../policies} (its shape is not
 * verified: the sandbox answers the v1 policy page's shape, {@code type} {@code authentication-policy}),
 * {@code POST .../auth-policy/{policyId}/add-users} ({@code {users: [emails]}}, at most {@value #MAX_USERS}, the
 * sandbox's pick) answering {@code 202 {taskId, taskLink}}, and {@code GET .../auth-policy/task/{taskId}}, whose body
 * is not verified: the sandbox answers {@code {taskId, policyId, status: IN_PROGRESS|COMPLETED, users: [{user,
 * status: PENDING|SUCCESS|FAILED, reason}]}} ({@link PolicyTask}).
 */
final class AuthPolicies {

    static final int MAX_USERS = 100;
    private static final String ORG = "/admin/control/v1/orgs/{orgId}";

    private final SandboxContext ctx;
    private final AccessState access;
    private final PolicyTaskFaults faults;

    AuthPolicies(SandboxContext ctx, AccessState access, PolicyTaskFaults faults) {
        this.ctx = ctx;
        this.access = access;
        this.faults = faults;
    }

    void register(Router r) {
        r.add("GET", ORG + "/policies", this::list);
        r.add("POST", ORG + "/auth-policy/{policyId}/add-users", this::addUsers);
        r.add("GET", ORG + "/auth-policy/task/{taskId}", this::task);
    }

    private ApiResponse unknownOrg(ApiRequest req) {
        return ctx.org().id().equals(req.param("orgId"))
                ? null
                : ErrorBodies.application(
                        404, "ADMIN-404-1", "Organization not found", "No organization " + req.param("orgId"));
    }

    private ApiResponse list(ApiRequest req) {
        ApiResponse bad = unknownOrg(req);
        if (bad != null) return bad;
        List<Object> data = new ArrayList<>();
        for (AccessState.Policy p : access.policies()) {
            data.add(Json.obj(
                    "id",
                    p.id(),
                    "type",
                    "policy",
                    "attributes",
                    Json.obj(
                            "name",
                            p.name(),
                            "type",
                            "authentication-policy",
                            "status",
                            "enabled",
                            "isDefault",
                            p.isDefault())));
        }
        return ApiResponse.json(200, Json.obj("data", data, "links", Json.obj("self", "first")));
    }

    private ApiResponse addUsers(ApiRequest req) {
        ApiResponse bad = unknownOrg(req);
        if (bad != null) return bad;
        String policyId = req.param("policyId");
        if (access.policy(policyId).isEmpty()) {
            return ErrorBodies.application(404, "ADMIN-404-3", "Policy not found", "No policy " + policyId);
        }
        var body = req.json();
        var users = body == null ? null : body.get("users");
        if (users == null || !users.isArray() || users.isEmpty() || users.size() > MAX_USERS) {
            return ErrorBodies.application(
                    400, "ADMIN-400-1", "Bad request", "users must list 1 to " + MAX_USERS + " email addresses");
        }
        List<String> emails = new ArrayList<>();
        users.forEach(u -> emails.add(u.asString()));
        PolicyTask t = access.newTask(policyId, emails, faults.next());
        return ApiResponse.json(
                202,
                Json.obj(
                        "taskId",
                        t.id,
                        "taskLink",
                        ctx.baseUri() + "/admin/control/v1/orgs/" + ctx.org().id() + "/auth-policy/task/" + t.id));
    }

    private ApiResponse task(ApiRequest req) {
        ApiResponse bad = unknownOrg(req);
        if (bad != null) return bad;
        return access.task(req.param("taskId"))
                .map(t -> ApiResponse.json(200, t.read(ctx.org(), access, faults.clearedSince(t.plan))))
                .orElseGet(() -> ErrorBodies.application(
                        404, "ADMIN-404-4", "Task not found", "No task " + req.param("taskId")));
    }
}
