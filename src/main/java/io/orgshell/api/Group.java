package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** A v2 directory group ({@code MultiDirectoryGroup}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Group(String id, String name, String description, String directoryId) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Group> data, Links links) implements ListPage {}

    /**
     * The group {@code nameOrId} means among those a search found: the one with that ID, else the one with that name
     * (any case). A name two groups share (two directories, or "Sales" and "sales") means neither: an
     * IllegalArgumentException says so, and which IDs to choose from.
     */
    public static Optional<Group> meant(List<Group> found, String nameOrId) {
        Optional<Group> byId =
                found.stream().filter(g -> nameOrId.equals(g.id())).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<Group> named = found.stream()
                .filter(g -> g.name() != null && g.name().equalsIgnoreCase(nameOrId))
                .toList();
        if (named.size() > 1) {
            throw new IllegalArgumentException("the name '" + nameOrId + "' belongs to " + named.size()
                    + " groups ("
                    + String.join(", ", named.stream().map(Group::id).toList())
                    + "): name the group by its ID");
        }
        return named.stream().findFirst();
    }
}
