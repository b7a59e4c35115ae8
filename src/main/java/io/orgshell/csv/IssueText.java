package io.orgshell.csv;

import java.util.List;
import java.util.stream.Collectors;

/** Small helpers so messages read as sentences: "1 value", "3 values", "lines 4, 9 and 2 more". */
final class IssueText {

    static final int LINES_LISTED = 10;

    private IssueText() {}

    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** "line 4" or "lines 4, 9, 12", at most {@value #LINES_LISTED} listed, then "and N more". */
    static String lines(List<? extends Number> lines, long total) {
        String listed = lines.stream().limit(LINES_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        long more = total - Math.min(lines.size(), LINES_LISTED);
        return (total == 1 ? "line " : "lines ") + listed + (more > 0 ? " and " + more + " more" : "");
    }
}
