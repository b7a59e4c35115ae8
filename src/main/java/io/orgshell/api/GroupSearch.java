package io.orgshell.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What the v1 and v2 group searches share: which values to send, and which of them may be group IDs. */
final class GroupSearch {

    /** The v1 search's {@code groupNames.eq} takes at most a hundred names (CONTRACT.md §6.3). */
    static final int MAX_NAMES = 100;
    static final int V1_LIMIT = 100;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{12}");

    private GroupSearch() {
    }

    static List<String> values(Collection<String> namesOrIds) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : namesOrIds) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        if (out.size() > MAX_NAMES) {
            throw new IllegalArgumentException("at most " + MAX_NAMES + " groups can be looked up at once");
        }
        return List.copyOf(out);
    }

    /** Group IDs are UUIDs (the search's {@code groupIds} is typed so): anything else is only a name. */
    static List<String> possibleIds(List<String> values) {
        return values.stream().filter(v -> UUID.matcher(v).matches()).toList();
    }
}
