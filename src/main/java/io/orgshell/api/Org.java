package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An organization, as {@code GET /admin/v1/orgs} and {@code /v1/orgs/{orgId}} return it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Org(String id, String type, Attributes attributes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(String name) {}

    public String name() {
        return attributes == null ? null : attributes.name();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Org> data, Links links) implements ListPage {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record One(Org data) {}
}
