package io.orgshell.api;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a group search sends: which values, and which of them may be group IDs. */
final class GroupSearch {

    /** The contract gives no limit for v2's {@code groupNames}; a hundred is what its other lists take. */
    static final int MAX_NAMES = 100;

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}" + "-[0-9a-fA-F]{12}");

    private GroupSearch() {}

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
