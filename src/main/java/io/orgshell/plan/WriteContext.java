package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.AuthPolicy;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Group;
import io.orgshell.api.GroupRoles;
import io.orgshell.api.Workspace;
import io.orgshell.directory.AccessTargets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the writes of a plan need: the client and the org's directory to send them through, and group names resolved
 * to IDs. A group is looked up by the org's group search the first time a row names it (a plan names a handful of
 * groups, an org may have thousands), and the answer kept, a miss included.
 */
public final class WriteContext {

    private final AdminApiClient client;
    private final DirectoryClient directory;
    private final Map<String, Optional<String>> groupIds = new ConcurrentHashMap<>();
    private final Map<String, String> groupProblems = new ConcurrentHashMap<>();
    private final Map<String, String> groupNames = new ConcurrentHashMap<>();
    private final Map<String, GroupRoles.Administration> administration = new ConcurrentHashMap<>();
    private volatile List<Workspace> workspaces;
    private volatile List<AuthPolicy> policies;

    private WriteContext(AdminApiClient client, DirectoryClient directory) {
        this.client = client;
        this.directory = directory;
    }

    /** Groups are looked up when a row first names one, not before. */
    public static WriteContext resolve(AdminApiClient client, DirectoryClient directory) {
        return new WriteContext(client, directory);
    }

    public AdminApiClient client() {
        return client;
    }

    public DirectoryClient directory() {
        return directory;
    }

    /** A group named in the file, as an ID: by name (case-insensitive) or by ID. Null when the org has no such group. */
    public String groupId(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return null;
        }
        String value = nameOrId.strip();
        return groupIds.computeIfAbsent(value.toLowerCase(Locale.ROOT), k -> find(value))
                .orElse(null);
    }

    /**
     * The names of the groups with these IDs, for a person to read; the groups not known yet are asked of the org in
     * one search. A group the org no longer has keeps its ID as its name.
     */
    public Map<String, String> groupNames(Collection<String> ids) {
        List<String> unknown =
                ids.stream().filter(id -> !groupNames.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            directory.groupsNamed(unknown).forEach(g -> groupNames.put(g.id(), g.name()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.put(id, groupNames.getOrDefault(id, id)));
        return names;
    }

    /** Why a group the file names has no ID (a name several groups share), or null: then the org has none. */
    public String groupProblem(String nameOrId) {
        return nameOrId == null ? null : groupProblems.get(nameOrId.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the group with this ID grants administration, asked of the org once per group. */
    public GroupRoles.Administration administration(String groupId) {
        return administration.computeIfAbsent(groupId, directory::administration);
    }

    /** The product a row names, from the org's workspaces (asked once); refused when none or several match. */
    public Workspace product(String typed) {
        return AccessTargets.product(workspaces(), typed);
    }

    private List<Workspace> workspaces() {
        if (workspaces == null) {
            workspaces = client.workspaces().workspaces();
        }
        return workspaces;
    }

    /** See {@link AccessTargets#onlySiteOfItsProduct}. */
    public boolean onlySiteOfItsProduct(Workspace w) {
        return AccessTargets.onlySiteOfItsProduct(workspaces(), w);
    }

    /** The authentication policy a row names, from the org's policies (asked once). */
    public AuthPolicy policy(String typed) {
        if (policies == null) {
            policies = client.policies().policies();
        }
        return AccessTargets.policy(policies, typed);
    }

    private Optional<String> find(String value) {
        List<Group> found = directory.groupsNamed(List.of(value));
        try {
            found.forEach(g -> groupNames.put(g.id(), g.name()));
            return Group.meant(found, value).map(Group::id);
        } catch (IllegalArgumentException e) {
            groupProblems.put(value.toLowerCase(Locale.ROOT), e.getMessage());
            return Optional.empty();
        }
    }
}
