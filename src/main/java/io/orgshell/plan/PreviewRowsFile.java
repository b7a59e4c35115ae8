package io.orgshell.plan;

import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of some verdicts written back as a change file of the same operation: the plan's own header and cells,
 * then the verdict and why, so an admin can fix the rows and load the file again ({@code load} keeps the two added
 * columns as columns it does not use).
 */
public final class PreviewRowsFile {

    static final String VERDICT = "preview_verdict";
    static final String REASON = "preview_reason";

    private PreviewRowsFile() {}

    /** Writes the rows of {@code verdicts}, owner-only, complete or not at all; returns how many. */
    public static int write(Preview preview, Set<Verdict> verdicts, Path file) {
        List<String> header = new ArrayList<>(preview.plan().header());
        // a file that is itself such a file already has the two columns: they are replaced, not repeated
        int kept = header.size();
        if (header.contains(REASON) && header.contains(VERDICT)) {
            kept = Math.min(header.indexOf(VERDICT), header.indexOf(REASON));
            header = new ArrayList<>(header.subList(0, kept));
        }
        header.add(VERDICT);
        header.add(REASON);
        int written = 0;
        try (SafeCsvWriter csv = SafeCsvWriter.openWithLf(file, header)) {
            for (RowCheck c : preview.checks()) {
                if (!verdicts.contains(c.verdict())) {
                    continue;
                }
                List<String> cells = new ArrayList<>(c.row().cells());
                while (cells.size() < kept) {
                    cells.add("");
                }
                cells = new ArrayList<>(cells.subList(0, kept));
                cells.add(c.verdict().label());
                cells.add(c.reason() == null ? "" : c.reason());
                csv.row(cells);
                written++;
            }
            csv.commit();
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + file + ": " + e.getMessage());
        }
        return written;
    }
}
