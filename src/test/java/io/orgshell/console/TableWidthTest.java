package io.orgshell.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables at a given width: they fit, text folds (a long word breaks over lines), a status word stays whole. */
class TableWidthTest {

    static final List<String> HEADER = List.of("Line", "Account", "Change", "Verdict", "Why");
    static final List<List<String>> ROWS = List.of(
            List.of(
                    "2",
                    "ada.lovelace@acme.example\nAda Lovelace",
                    "department: Sales → Finance",
                    "ALREADY DONE",
                    "account is managed by an identity provider (SCIM); change its profile there"),
            List.of(
                    "3",
                    "grace.brewster.murray.hopper@navy.example.org\nGrace Hopper",
                    "",
                    "BLOCKED",
                    "protected: org admin (preview --allow-admins to include)"),
            List.of("14", "x@acme.example\nX", "", "INVALID", "no such account"));

    @Test
    void at80ColumnsEveryLineFitsAndNothingIsLost() {
        String table = TableRenderer.render(HEADER, ROWS, 80);
        assertThat(table.lines()).allMatch(l -> l.codePointCount(0, l.length()) <= 80);
        assertThat(table)
                .contains("ALREADY DONE")
                .contains("BLOCKED")
                .contains("INVALID")
                .contains("ada.lovelace@acme.example")
                .contains("Ada Lovelace");
        assertThat(column(table, 3)).contains("department: Sales → Finance");
        assertThat(column(table, 5))
                .contains("account is managed by an identity provider (SCIM); change its " + "profile there");
    }

    /** The text of one column (1 is the first), its lines joined by spaces. */
    static String column(String table, int index) {
        return String.join(
                " ",
                table.lines()
                        .map(l -> l.split("│", -1))
                        .filter(cells -> cells.length > index)
                        .map(cells -> cells[index].strip())
                        .filter(c -> !c.isEmpty())
                        .toList());
    }

    @Test
    void narrowerStillFitsByBreakingLongWordsNeverAStatusWord() {
        String table = TableRenderer.render(HEADER, ROWS, 60);
        assertThat(table.lines()).allMatch(l -> l.codePointCount(0, l.length()) <= 60);
        assertThat(table).contains("ALREADY DONE");
        assertThat(column(table, 2).replace(" ", ""))
                .as("a long address is broken over lines, not cut")
                .contains("grace.brewster.murray.hopper@navy.example.org");
        assertThat(table.lines()).noneMatch(l -> l.contains("ALREADY ") && !l.contains("ALREADY DONE"));
    }

    @Test
    void tooNarrowForTheStatusWordsDrawsThemWholeAndLetsTheTerminalWrap() {
        String table = TableRenderer.render(HEADER, ROWS, 30);
        assertThat(table).contains("ALREADY DONE");
    }

    @Test
    void tabSeparatedIsNeverFitted() {
        String tsv = TableRenderer.tabSeparated(HEADER, ROWS);
        assertThat(tsv.lines().toList()).hasSize(4);
        assertThat(tsv)
                .contains("grace.brewster.murray.hopper@navy.example.org Grace Hopper")
                .contains("account is managed by an identity provider (SCIM); change its profile there");
    }
}
