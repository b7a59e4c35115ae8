package io.orgshell.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.Group;
import io.orgshell.api.OrgDirectory;

/**
 * What the writes of a plan need: the client and the org's directory to send them through, and group names resolved
 * to IDs, learnt once. Whether the directory is v2 or v1 is the directory's business.
 */
public final class WriteContext {

    private final AdminApiClient client;
    private final OrgDirectory directory;
    private final Map<String, String> groupIdsByName = new HashMap<>();
    private final Set<String> groupIds = new HashSet<>();
    private final boolean groupsKnown;

    private WriteContext(AdminApiClient client, OrgDirectory directory, List<Group> groups) {
        this.client = client;
        this.directory = directory;
        this.groupsKnown = groups != null;
        for (Group g : groups == null ? List.<Group>of() : groups) {
            groupIds.add(g.id());
            if (g.name() != null) {
                groupIdsByName.put(g.name().toLowerCase(Locale.ROOT), g.id());
            }
        }
    }

    /** Asks the org for its groups when the plan needs them (v1 lists none: then names are taken as IDs). */
    public static WriteContext resolve(AdminApiClient client, OrgDirectory directory, boolean withGroups) {
        return new WriteContext(client, directory, withGroups ? directory.groups().block() : null);
    }

    public AdminApiClient client() {
        return client;
    }

    public OrgDirectory directory() {
        return directory;
    }

    /**
     * A group named in the file, as an ID: by name (case-insensitive) or by ID. Null when the org has no such group;
     * without the v2 API the value is taken as an ID as it stands.
     */
    public String groupId(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return null;
        }
        if (!groupsKnown) {
            return nameOrId.strip();
        }
        String byName = groupIdsByName.get(nameOrId.strip().toLowerCase(Locale.ROOT));
        return byName != null ? byName : groupIds.contains(nameOrId.strip()) ? nameOrId.strip() : null;
    }
}
