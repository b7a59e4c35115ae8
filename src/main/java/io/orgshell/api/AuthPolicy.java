package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An authentication policy as the admin control API lists it; the listing's shape is not verified. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthPolicy(String id, String type, Attributes attributes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(String name, String type, String status, Boolean isDefault) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<AuthPolicy> data, Links links) implements ListPage {}

    public String name() {
        return attributes == null ? null : attributes.name();
    }

    public String policyType() {
        return attributes == null ? null : attributes.type();
    }

    public String status() {
        return attributes == null ? null : attributes.status();
    }

    public boolean isDefault() {
        return attributes != null && Boolean.TRUE.equals(attributes.isDefault());
    }
}
