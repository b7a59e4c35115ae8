package io.orgshell.command;

import io.orgshell.core.UsageException;
import io.orgshell.run.UndoChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** {@code undo --batch | --lines | --accounts}: at most one of them, as the run service takes it. */
final class UndoChoices {

    private UndoChoices() {}

    /** Null when none was given: the whole run. */
    static UndoChoice of(Integer batch, String lines, String accounts) {
        int given = (batch != null ? 1 : 0) + (lines != null ? 1 : 0) + (accounts != null ? 1 : 0);
        if (given > 1) {
            throw new UsageException("undo: choose the rows one way, --batch, --lines or --accounts");
        }
        if (batch != null) {
            return UndoChoice.batch(batch);
        }
        if (lines != null) {
            return UndoChoice.lines(lines);
        }
        if (accounts != null) {
            return accounts(accounts);
        }
        return null;
    }

    /**
     * A list, or the name of a file of one account a line (a header line {@code account_id} or {@code email} is skipped; in a
     * CSV, the first cell of each line is read).
     */
    private static UndoChoice accounts(String value) {
        Path file = value.contains(",") ? null : PathArguments.input("--accounts", value);
        if (file == null || !Files.isRegularFile(file)) {
            return UndoChoice.accounts(new LinkedHashSet<>(Arrays.asList(value.split(","))), "accounts " + value);
        }
        Set<String> names = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String cell = line.replace("\uFEFF", "")
                        .split(",", 2)[0]
                        .replace("\"", "")
                        .strip();
                String lower = cell.toLowerCase(Locale.ROOT);
                if (!cell.isEmpty() && !lower.equals("account_id") && !lower.equals("email")) {
                    names.add(cell);
                }
            }
        } catch (IOException e) {
            throw new UsageException("--accounts: cannot read " + file + ": " + e.getMessage());
        }
        return UndoChoice.accounts(names, "the accounts in " + file.getFileName());
    }
}
