package io.orgshell.run;

import io.orgshell.core.UsageException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rows of a run {@code undo} puts back: those of one batch (numbered over the whole run, as the journal
 * records them), those at some lines of the run's plan, or those of some accounts, by account ID or email.
 */
public record UndoChoice(Integer batch, Set<Integer> lines, Set<String> accounts, String describe) {

    public static UndoChoice batch(int n) {
        if (n < 1) {
            throw new UsageException("--batch: batches are numbered from 1 (not " + n + ")");
        }
        return new UndoChoice(n, null, null, "batch " + n);
    }

    /** {@code 4-10,15}. */
    public static UndoChoice lines(String spec) {
        Set<Integer> lines = new TreeSet<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to =
                        dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 1 || to < from || to - from > 1_000_000) {
                    throw new NumberFormatException();
                }
                for (int i = from; i <= to; i++) {
                    lines.add(i);
                }
            } catch (NumberFormatException e) {
                throw new UsageException("--lines: '" + p + "' is not a line or a range of lines (such as 4-10,15)");
            }
        }
        return new UndoChoice(null, lines, null, "lines " + spec.strip());
    }

    /** Account IDs or emails, compared without regard to case. */
    public static UndoChoice accounts(Set<String> idsOrEmails, String describe) {
        Set<String> wanted = new LinkedHashSet<>();
        idsOrEmails.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .forEach(wanted::add);
        if (wanted.isEmpty()) {
            throw new UsageException("--accounts: name at least one account ID or email");
        }
        return new UndoChoice(null, null, wanted, describe);
    }
}
