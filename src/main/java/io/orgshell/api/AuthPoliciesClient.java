package io.orgshell.api;

import java.util.List;
import java.util.Map;

/**
 * The admin control API's authentication policies ({@code /admin/control/v1/orgs/{orgId}}): the policies, adding
 * users to one (asynchronous: {@code 202 {taskId, taskLink}}) and a task's status. Adding is not retried by the
 * transport: sent twice, it would make two tasks; a lost answer is the run's to settle.
 */
public final class AuthPoliciesClient {

    private static final String CONTROL = "/admin/control/v1/orgs/{orgId}";

    private final ApiTransport transport;

    AuthPoliciesClient(ApiTransport transport) {
        this.transport = transport;
    }

    public List<AuthPolicy> policies() {
        return transport
                .pages(CONTROL + "/policies", Map.of(), Map.of(), AuthPolicy.Page.class)
                .flatMapIterable(p -> ApiTransport.nonNull(p.data()))
                .collectList()
                .block();
    }

    /** Sends the addresses to the policy; the task that will add them. */
    public PolicyTask.Accepted addUsers(String policyId, List<String> emails) {
        return transport
                .send(
                        CONTROL + "/auth-policy/{policyId}/add-users",
                        Map.of("policyId", policyId),
                        Map.of("users", emails),
                        PolicyTask.Accepted.class)
                .block();
    }

    public PolicyTask task(String taskId) {
        return transport
                .get(CONTROL + "/auth-policy/task/{taskId}", Map.of("taskId", taskId), Map.of(), PolicyTask.class)
                .block();
    }
}
