package io.orgshell.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the values of one unique column that occur on more than one row. One map entry per distinct value, holding
 * the first row's index as an Integer and switching to a growing int array only for the rare repeated value.
 */
final class DuplicateFinder {

    private final Map<String, Object> rowsByKey;
    private final List<String> repeatedKeys = new ArrayList<>();

    /** @param expectedRows sized up front: resizing a map of 100,000 entries shows in the load time */
    DuplicateFinder(int expectedRows) {
        rowsByKey = new HashMap<>(Math.max(16, (int) Math.min(1 << 30, expectedRows * 4L / 3 + 1)));
    }

    /** Records that the row with this index (in the loaded rows) holds this key. */
    void add(String key, int rowIndex) {
        Object seen = rowsByKey.putIfAbsent(key, rowIndex);
        if (seen == null) {
            return;
        }
        if (seen instanceof Integer first) {
            rowsByKey.put(key, new int[] {2, first, rowIndex, 0}); // [count, indexes..., spare]
            repeatedKeys.add(key);
        } else {
            int[] rows = (int[]) seen;
            if (rows[0] + 1 == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
                rowsByKey.put(key, rows);
            }
            rows[++rows[0]] = rowIndex;
        }
    }

    /** The row indexes of each repeated key, each group in the order the rows were added. */
    List<int[]> repeats() {
        List<int[]> groups = new ArrayList<>(repeatedKeys.size());
        for (String key : repeatedKeys) {
            int[] rows = (int[]) rowsByKey.get(key);
            groups.add(Arrays.copyOfRange(rows, 1, rows[0] + 1));
        }
        return groups;
    }
}
