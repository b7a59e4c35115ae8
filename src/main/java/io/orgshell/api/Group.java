package io.orgshell.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A v2 directory group ({@code MultiDirectoryGroup}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(String id, String name, String description, String directoryId) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Group> data, Links links) implements ListPage {
    }
}
