package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One add-users task of an authentication policy: in progress for its first {@value #READS_IN_PROGRESS} status
 * reads, then completed with an outcome per address (its plan may keep it in progress, or fail some addresses).
 */
final class PolicyTask {

    static final int READS_IN_PROGRESS = 2;

    /** The outcome of one address: {@code SUCCESS} or {@code FAILED} with a reason. */
    record UserOutcome(String user, String status, String reason) {}

    final String id;
    final String policyId;
    final List<String> users;
    final PolicyTaskFaults.Plan plan;
    private int reads;
    private List<UserOutcome> outcomes;

    PolicyTask(String id, String policyId, List<String> users, PolicyTaskFaults.Plan plan) {
        this.id = id;
        this.policyId = policyId;
        this.users = List.copyOf(users);
        this.plan = plan;
    }

    /** One status read: completes the task (applying it to the org) once it has been read often enough. */
    synchronized Map<String, Object> read(SandboxOrg org, AccessState access, boolean unstuck) {
        reads++;
        if (outcomes == null && reads > READS_IN_PROGRESS && (!plan.stuck() || unstuck)) {
            outcomes = new ArrayList<>();
            for (String email : users) outcomes.add(apply(org, access, email));
        }
        List<Object> shown = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            UserOutcome o = outcomes == null ? new UserOutcome(users.get(i), "PENDING", null) : outcomes.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("user", o.user());
            m.put("status", o.status());
            if (o.reason() != null) m.put("reason", o.reason());
            shown.add(m);
        }
        return Json.obj(
                "taskId",
                id,
                "policyId",
                policyId,
                "status",
                outcomes == null ? "IN_PROGRESS" : "COMPLETED",
                "users",
                shown);
    }

    private UserOutcome apply(SandboxOrg org, AccessState access, String email) {
        if (plan.fails(email)) return new UserOutcome(email, "FAILED", "Internal error adding the user");
        var u = org.findByEmail(email);
        if (u.isEmpty()) return new UserOutcome(email, "FAILED", "User not found");
        if (!u.get().managed()) return new UserOutcome(email, "FAILED", "User is not a managed account");
        access.movePolicy(u.get().accountId(), policyId);
        return new UserOutcome(email, "SUCCESS", null);
    }
}
