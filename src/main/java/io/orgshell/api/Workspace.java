package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A workspace of the org ({@code WorkspaceModel}): a product on a site. Its {@code id} is the resource a user's role
 * is assigned on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Workspace(String id, String type, Attributes attributes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(String name, String typeKey, String type, String status, String hostUrl) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Workspace> data, Links links) implements ListPage {}

    public String name() {
        return attributes == null ? null : attributes.name();
    }

    public String typeKey() {
        return attributes == null ? null : attributes.typeKey();
    }

    public String status() {
        return attributes == null ? null : attributes.status();
    }

    public String hostUrl() {
        return attributes == null ? null : attributes.hostUrl();
    }
}
