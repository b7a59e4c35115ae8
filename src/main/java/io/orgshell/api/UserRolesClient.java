package io.orgshell.api;

import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * A user's roles on a product ({@code POST /admin/v1/orgs/{orgId}/users/{userId}/roles/assign|revoke},
 * {@code {role, resource}}, the resource a workspace ID). The success status is not documented: any 2xx is success,
 * and is handed on.
 */
public final class UserRolesClient {

    private static final String ROLES = "/admin/v1/orgs/{orgId}/users/{userId}/roles/";

    private final ApiTransport transport;

    UserRolesClient(ApiTransport transport) {
        this.transport = transport;
    }

    public int assign(String accountId, String role, String resource) {
        return send("assign", accountId, role, resource);
    }

    public int revoke(String accountId, String role, String resource) {
        return send("revoke", accountId, role, resource);
    }

    private int send(String change, String accountId, String role, String resource) {
        return transport
                .write(
                        HttpMethod.POST,
                        ROLES + change,
                        Map.of("userId", accountId),
                        Map.of("role", role, "resource", resource))
                .block();
    }
}
