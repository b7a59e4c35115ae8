package io.orgshell.api;

import java.util.List;
import java.util.Map;

/** The org's workspaces ({@code POST /admin/v2/orgs/{orgId}/workspaces}): its sites' products and their IDs. */
public final class WorkspacesClient {

    private final ApiTransport transport;

    WorkspacesClient(ApiTransport transport) {
        this.transport = transport;
    }

    /** Every workspace; the first request has an empty body, each next one only the cursor, as the API asks. */
    public List<Workspace> workspaces() {
        return transport
                .searchPages("/admin/v2/orgs/{orgId}/workspaces", Map.of(), Map.of(), Workspace.Page.class)
                .flatMapIterable(p -> ApiTransport.nonNull(p.data()))
                .collectList()
                .block();
    }
}
