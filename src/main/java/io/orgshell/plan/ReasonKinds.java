package io.orgshell.plan;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Preview's reasons counted by kind: the same reason about different accounts is one kind once the values that
 * differ (addresses, account IDs, line numbers, quoted cells, details in brackets) are taken out, so 39 blocked rows
 * read as three reasons with their counts, not as 39 sentences.
 */
public final class ReasonKinds {

    private static final Pattern BRACKETS = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
    /** A word with a digit in it: an account ID, a line number, a count. */
    private static final Pattern WITH_DIGIT = Pattern.compile("[\\w:.\\-]*\\d[\\w:.\\-]*");

    private ReasonKinds() {}

    /** The kind of a reason: the sentence with its particular values shown as "…". */
    public static String of(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        String kind = BRACKETS.matcher(reason.strip()).replaceAll("");
        kind = QUOTED.matcher(kind).replaceAll("…");
        kind = EMAIL.matcher(kind).replaceAll("…");
        kind = WITH_DIGIT.matcher(kind).replaceAll("…");
        kind = kind.replaceAll("…([,;]?)\\s*(…)+", "…$1").strip();
        return kind.isEmpty() ? reason.strip() : kind;
    }

    /**
     * For every verdict but OK, its reasons by kind, the most frequent first (ties in the order met); a verdict no
     * row has is left out.
     */
    public static Map<Verdict, Map<String, Long>> count(List<RowCheck> checks) {
        Map<Verdict, Map<String, Long>> byVerdict = new EnumMap<>(Verdict.class);
        for (RowCheck c : checks) {
            if (c.verdict() == Verdict.OK) {
                continue;
            }
            byVerdict.computeIfAbsent(c.verdict(), v -> new LinkedHashMap<>()).merge(of(c.reason()), 1L, Long::sum);
        }
        Map<Verdict, Map<String, Long>> sorted = new EnumMap<>(Verdict.class);
        byVerdict.forEach((v, kinds) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            kinds.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            sorted.put(v, ordered);
        });
        return sorted;
    }
}
