package io.orgshell.command;

import io.orgshell.core.UsageException;
import io.orgshell.plan.Verdict;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code preview --only}: the verdicts whose rows are shown or written, as a person names them. */
final class PreviewChoice {

    static final String HELP =
            "only the rows of these verdicts, comma-separated: ok, already-done, blocked, invalid, skip (every row "
                    + "that will not run)";

    /** The rows that will not run: what preview lists and {@code --out} writes when no verdict is chosen. */
    static final Set<Verdict> NOT_RUN = EnumSet.of(Verdict.ALREADY_DONE, Verdict.BLOCKED, Verdict.INVALID);

    private PreviewChoice() {}

    /** The verdicts named; null when none was asked for. */
    static Set<Verdict> verdicts(String only) {
        if (only == null) {
            return null;
        }
        Set<Verdict> chosen = EnumSet.noneOf(Verdict.class);
        for (String word : only.split(",")) {
            String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            switch (w) {
                case "ok" -> chosen.add(Verdict.OK);
                case "already-done", "done" -> chosen.add(Verdict.ALREADY_DONE);
                case "blocked" -> chosen.add(Verdict.BLOCKED);
                case "invalid" -> chosen.add(Verdict.INVALID);
                case "skip", "skipped" -> chosen.addAll(NOT_RUN);
                default ->
                    throw new UsageException("--only: unknown verdict '" + word.strip()
                            + "' (use ok, already-done, blocked, invalid or skip, comma-separated)");
            }
        }
        return chosen;
    }

    static String describe(Set<Verdict> verdicts) {
        return verdicts.stream().map(v -> v.label()).collect(Collectors.joining(", "));
    }
}
