package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A v2 directory ({@code GET /admin/v2/orgs/{orgId}/directories}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Directory(String directoryId, String name) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Directory> data, Links links) implements ListPage {}
}
