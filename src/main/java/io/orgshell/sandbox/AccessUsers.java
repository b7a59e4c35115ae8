package io.orgshell.sandbox;

import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** What {@code GET /__sandbox/users} shows of an account's product roles and authentication policy. */
final class AccessUsers {

    private AccessUsers() {}

    static void write(JsonGenerator g, AccessState access, SandboxUser u) {
        g.writeObjectPropertyStart("product_roles");
        for (Map.Entry<String, String> e : access.rolesOf(u).entrySet())
            g.writeStringProperty(e.getKey(), e.getValue());
        g.writeEndObject();
        var policy = access.policyOf(u);
        if (policy.isEmpty()) {
            g.writeNullProperty("policy");
        } else {
            g.writeObjectPropertyStart("policy");
            g.writeStringProperty("id", policy.get().id());
            g.writeStringProperty("name", policy.get().name());
            g.writeEndObject();
        }
    }
}
