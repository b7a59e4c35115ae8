package io.orgshell.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.Group;
import io.orgshell.api.OrgDirectory;

/**
 * What the writes of a plan need: the client and the org's directory to send them through, and group names resolved
 * to IDs. A group is looked up by the org's group search the first time a row names it (a plan names a handful of
 * groups, an org may have thousands), on v2 and on v1 alike, and the answer kept, a miss included.
 */
public final class WriteContext {

    private final AdminApiClient client;
    private final OrgDirectory directory;
    private final Map<String, Optional<String>> groupIds = new ConcurrentHashMap<>();

    private WriteContext(AdminApiClient client, OrgDirectory directory) {
        this.client = client;
        this.directory = directory;
    }

    /** Groups are looked up when a row first names one, not before. */
    public static WriteContext resolve(AdminApiClient client, OrgDirectory directory) {
        return new WriteContext(client, directory);
    }

    public AdminApiClient client() {
        return client;
    }

    public OrgDirectory directory() {
        return directory;
    }

    /** A group named in the file, as an ID: by name (case-insensitive) or by ID. Null when the org has no such group. */
    public String groupId(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return null;
        }
        String value = nameOrId.strip();
        return groupIds.computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> find(value)).orElse(null);
    }

    private Optional<String> find(String value) {
        List<Group> found = directory.groupsNamed(List.of(value)).collectList().block();
        if (found == null) {
            return Optional.empty();
        }
        return found.stream().filter(g -> value.equals(g.id())).findFirst()
                .or(() -> found.stream().filter(g -> g.name() != null && g.name().equalsIgnoreCase(value)).findFirst())
                .map(Group::id);
    }
}
