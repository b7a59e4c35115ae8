package io.orgshell.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps header cells to the spec's columns. Names compare normalised, so "New Email", "new_email" and "NEW-EMAIL" are
 * one name. What cannot be mapped is explained for the admin: which names would do, what was found, and which found
 * name is probably a typo of an accepted one.
 */
final class HeaderMatcher {

    /** How far (edits, a swap of neighbours counting one) a found name may be from an accepted one to be suggested. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    /**
     * @param columns  spec column name → header index
     * @param aliases  repair messages, one per column read under another name
     * @param problems file-level problems (each makes the file unloadable)
     */
    record Match(Map<String, Integer> columns, List<String> aliases, List<String> problems) {}

    private HeaderMatcher() {}

    static Match match(List<String> header, ColumnSpec spec) {
        List<String> normalised = header.stream().map(HeaderMatcher::normalise).toList();
        boolean[] claimed = new boolean[header.size()];
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> aliases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<ColumnSpec.Column> missing = new ArrayList<>();
        for (ColumnSpec.Column column : spec.columns()) {
            int found = claim(column, normalised, claimed);
            if (found >= 0) {
                columns.put(column.name(), found);
                if (!header.get(found).equals(column.name())) {
                    aliases.add("header '" + header.get(found) + "' read as '" + column.name() + "'");
                }
            } else if (column.required()) {
                missing.add(column);
            }
        }
        for (ColumnSpec.Column column : missing) {
            String standIn = spec.standIns().get(column.name());
            if (standIn == null) {
                problems.add(missing(column, header, normalised, claimed));
            } else if (!columns.containsKey(standIn)) {
                problems.add(missing(column, header, normalised, claimed)
                        .replaceFirst("\\(accepted: ", "(or a column '" + standIn + "' in its place; accepted: "));
            }
        }
        problems.addAll(nearMisses(header, normalised, claimed, spec, columns));
        if (spec.needsAnOptionalColumn()
                && spec.columns().stream()
                        .noneMatch(c -> !c.required() && !spec.isStandIn(c.name()) && columns.containsKey(c.name()))) {
            problems.add("none of the columns this operation changes is there (accepted: "
                    + spec.columns().stream()
                            .filter(c -> !c.required() && !spec.isStandIn(c.name()))
                            .map(ColumnSpec.Column::name)
                            .collect(Collectors.joining(", "))
                    + "); found: " + String.join(", ", header));
        }
        problems.addAll(ambiguousDuplicates(header, normalised, spec));
        String separator = otherSeparator(header);
        if (!problems.isEmpty() && separator != null) {
            problems.add("the header line has no commas but " + separator + "; save the file as CSV UTF-8, "
                    + "which separates values with commas");
        } else if (columns.isEmpty() && header.stream().anyMatch(h -> h.contains("@"))) {
            problems.add("the first line looks like data, not a header; add a header line such as '"
                    + spec.columns().stream()
                            .filter(ColumnSpec.Column::required)
                            .map(ColumnSpec.Column::name)
                            .collect(Collectors.joining(","))
                    + "'");
        }
        return new Match(columns, aliases, problems);
    }

    /** European Excel separates with semicolons, "Text (tab delimited)" with tabs: one long header cell. */
    private static String otherSeparator(List<String> header) {
        if (header.size() != 1) {
            return null;
        }
        if (header.get(0).contains(";")) {
            return "semicolons";
        }
        return header.get(0).contains("\t") ? "tabs" : null;
    }

    /** Lower-case, every non-alphanumeric character dropped. */
    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The first accepted name, in preference order, present and not yet claimed; its leftmost cell wins. */
    private static int claim(ColumnSpec.Column column, List<String> normalised, boolean[] claimed) {
        for (String accepted : column.headers()) {
            String wanted = normalise(accepted);
            if (wanted.isEmpty()) {
                continue;
            }
            for (int i = 0; i < normalised.size(); i++) {
                if (!claimed[i] && normalised.get(i).equals(wanted)) {
                    claimed[i] = true;
                    return i;
                }
            }
        }
        return -1;
    }

    private static String missing(
            ColumnSpec.Column column, List<String> header, List<String> normalised, boolean[] claimed) {
        String message =
                "no column for '" + column.name() + "' (accepted: " + String.join(", ", column.headers()) + "); found: "
                        + header.stream().map(h -> h.isEmpty() ? "(empty)" : h).collect(Collectors.joining(", "));
        String bestFound = null;
        String bestAccepted = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < header.size(); i++) {
            if (claimed[i] || normalised.get(i).isEmpty()) {
                continue;
            }
            for (String accepted : column.headers()) {
                String wanted = normalise(accepted);
                int distance = distance(normalised.get(i), wanted);
                // short names are near everything: "id" is two edits from any two letters, so require real overlap
                boolean close = distance <= MAX_SUGGESTION_DISTANCE && distance * 3 <= wanted.length();
                if (close && distance < bestDistance) {
                    bestDistance = distance;
                    bestFound = header.get(i);
                    bestAccepted = accepted;
                }
            }
        }
        if (bestFound != null) {
            message += " — did you mean '" + bestAccepted + "' for '" + bestFound + "'?";
        }
        return message;
    }

    /**
     * A header the operation does not read but that is a typo away from one it would ("departmnet"): left alone it
     * would be kept and not used, so the change it holds would silently not be made. Required columns are left to
     * {@link #missing}, which names the typo too.
     */
    private static List<String> nearMisses(
            List<String> header,
            List<String> normalised,
            boolean[] claimed,
            ColumnSpec spec,
            Map<String, Integer> found) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = normalised.get(i);
            if (claimed[i] || cell.isEmpty()) {
                continue;
            }
            for (ColumnSpec.Column column : spec.columns()) {
                if (column.required() || found.containsKey(column.name())) {
                    continue;
                }
                String near = column.headers().stream()
                        .filter(a -> close(cell, normalise(a)))
                        .findFirst()
                        .orElse(null);
                if (near != null) {
                    problems.add("the column '" + header.get(i) + "' is not one this operation reads — did you mean '"
                            + near + "'? Rename it (as it is, its values would be ignored)");
                    break;
                }
            }
        }
        return problems;
    }

    /** Near enough to be a typo: short names are near everything, so the overlap must be real. */
    private static boolean close(String found, String wanted) {
        int distance = distance(found, wanted);
        return distance > 0 && distance <= MAX_SUGGESTION_DISTANCE && distance * 3 <= wanted.length();
    }

    /**
     * Two cells with the same name when that name is one a spec column accepts: which one the operation should
     * read is a guess, and guessing wrong changes the wrong accounts.
     */
    private static List<String> ambiguousDuplicates(List<String> header, List<String> normalised, ColumnSpec spec) {
        Set<String> accepted = new HashSet<>();
        spec.columns().forEach(c -> c.headers().forEach(h -> accepted.add(normalise(h))));
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < normalised.size(); i++) {
            if (accepted.contains(normalised.get(i))) {
                positions
                        .computeIfAbsent(normalised.get(i), k -> new ArrayList<>())
                        .add(i);
            }
        }
        List<String> problems = new ArrayList<>();
        positions.values().stream()
                .filter(p -> p.size() > 1)
                .forEach(p -> problems.add(
                        "columns " + p.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(" and "))
                                + " have the same name ("
                                + p.stream()
                                        .map(i -> "'" + header.get(i) + "'")
                                        .distinct()
                                        .collect(Collectors.joining(", "))
                                + "); rename or remove one so it is clear which to read"));
        return problems;
    }

    /** Edit distance where swapping two neighbours counts one ("emial" is one from "email"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
