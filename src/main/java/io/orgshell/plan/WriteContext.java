package io.orgshell.plan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiException;
import io.orgshell.api.Directory;
import io.orgshell.api.Group;

/**
 * What the writes of a plan need from the org beyond each account: whether the v2 directory API is there (else
 * the v1 endpoints are used), the directory to write in, and group names resolved to IDs, each learnt once.
 */
public final class WriteContext {

    private final String directoryId;
    private final Map<String, String> groupIdsByName = new HashMap<>();
    private final java.util.Set<String> groupIds = new java.util.HashSet<>();
    private final boolean groupsKnown;

    private WriteContext(String directoryId, boolean groupsKnown) {
        this.directoryId = directoryId;
        this.groupsKnown = groupsKnown;
    }

    /** Asks the org once: its directory (v2) and, when the plan needs them, its groups. */
    public static WriteContext resolve(AdminApiClient client, boolean withGroups) {
        String directory;
        try {
            directory = client.directories().map(Directory::directoryId).blockFirst();
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return new WriteContext(null, false);
        }
        WriteContext ctx = new WriteContext(directory, withGroups && directory != null);
        if (ctx.groupsKnown) {
            for (Group g : client.groups(directory).collectList().block()) {
                ctx.groupIds.add(g.id());
                if (g.name() != null) {
                    ctx.groupIdsByName.put(g.name().toLowerCase(Locale.ROOT), g.id());
                }
            }
        }
        return ctx;
    }

    /** The v2 directory to write in, or null when the org has no v2 API (write through v1). */
    public String directoryId() {
        return directoryId;
    }

    public boolean v2() {
        return directoryId != null;
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
