package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.console.JsonOutput;
import io.orgshell.console.Styles;
import io.orgshell.plan.Operation;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.plan.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Preview's one model: the table, the tab-separated lines and the document say the same of each row. */
class PreviewViewTest {

    static PlanRow row(int index, String accountId, String email) {
        return new PlanRow(
                index,
                index + 2,
                accountId,
                email == null ? Map.of("account_id", accountId) : Map.of("account_id", accountId, "email", email),
                List.of(accountId),
                null,
                null);
    }

    /** A suspend plan: one account to suspend, one already suspended, one org admin, one the org does not have. */
    static Preview suspendPreview() {
        List<PlanRow> rows = List.of(
                row(0, "a-1", null), row(1, "a-2", null), row(2, "a-3", null), row(3, "a-4", "gone@acme.example"));
        Plan plan =
                new Plan(Path.of("leavers.csv"), Operation.SUSPEND, List.of("account_id", "email"), rows, List.of());
        List<RowCheck> checks = List.of(
                new RowCheck(rows.get(0), Verdict.OK, null, "active", new RowCheck.Account("ada@acme.example", "Ada")),
                new RowCheck(
                        rows.get(1),
                        Verdict.ALREADY_DONE,
                        "already suspended",
                        "suspended",
                        new RowCheck.Account("bob@acme.example", "Bob")),
                new RowCheck(
                        rows.get(2),
                        Verdict.BLOCKED,
                        "protected: org admin",
                        null,
                        new RowCheck.Account("root@acme.example", "Root")),
                new RowCheck(rows.get(3), Verdict.BLOCKED, "account not found in this organization", null));
        List<Step> steps = List.of(new Step(0, 0, "a-1", "active", "suspended", false, -1));
        return new Preview(plan, "org", checks, steps, Instant.now(), 100, 0, 0, "looked up 4 accounts by ID");
    }

    static JsonNode json(Object document) {
        StringWriter out = new StringWriter();
        JsonOutput.print(new PrintWriter(out), document);
        return JsonMapper.builder().build().readTree(out.toString());
    }

    @Test
    void theTableTheLinesAndTheDocumentNameTheSameAccountsAndVerdicts() {
        PreviewView view = PreviewView.of(suspendPreview(), null, null, true);
        List<List<String>> lines = view.table(false).rows();
        JsonNode rows = json(view).get("rows");

        assertThat(lines).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode doc = rows.get(i);
            List<String> line = lines.get(i);
            assertThat(line.get(0)).isEqualTo(doc.get("line").asString());
            assertThat(line.get(1)).isEqualTo(doc.get("account_id").asString());
            assertThat(line.get(2))
                    .isEqualTo(doc.get("email").isNull() ? "" : doc.get("email").asString());
            assertThat(line.get(3))
                    .isEqualTo(doc.get("name").isNull() ? "" : doc.get("name").asString());
            assertThat(line.get(5).replace(' ', '_'))
                    .isEqualTo(doc.get("verdict").asString());
            assertThat(line.get(6))
                    .isEqualTo(
                            doc.get("reason").isNull() ? "" : doc.get("reason").asString());
        }
        assertThat(lines.get(3).get(2))
                .as("no account found: the address the file gives, on screen as in the document")
                .isEqualTo("gone@acme.example");
    }

    @Test
    void aRowSaysItsStateInTheOperationsTermsOnlyAndTheDocumentKeepsTheWordsOut() {
        PreviewView view = PreviewView.of(suspendPreview(), null, null, true);
        List<List<String>> table = view.table(true).rows();
        assertThat(table.get(0).get(2)).isEqualTo("access: active → suspended");
        assertThat(table.get(1).get(2)).isEqualTo("access: suspended");
        assertThat(table.get(2).get(2))
                .as("a blocked admin's change names no address")
                .isEmpty();
        assertThat(table.get(0).get(1)).isEqualTo("ada@acme.example\nAda");

        JsonNode doc = json(view);
        assertThat(doc.get("rows").get(0).get("current").asString()).isEqualTo("active");
        assertThat(doc.get("rows").get(2).get("current").isNull()).isTrue();
        assertThat(doc.get("rows").get(0).has("change")).isFalse();
        assertThat(doc.has("operation")).isFalse();
        assertThat(doc.has("all")).isFalse();
        assertThat(doc.get("counts").get("blocked").asLong()).isEqualTo(2);
    }

    @Test
    void withoutAllTheTableListsTheRowsThatWillNotRunAndTheNotesCountThem() {
        PreviewView view = PreviewView.of(suspendPreview(), null, "run will refuse to suspend 1", false);
        assertThat(view.table(true).rows()).extracting(r -> r.get(0)).containsExactly("3", "4", "5");
        assertThat(view.notes(new Styles(false)))
                .contains(
                        "OK 1  ALREADY DONE 1  BLOCKED 2  INVALID 0  (4 rows, 1 writes)",
                        "warning: run will refuse to suspend 1",
                        "next: run (batches of 50; --yes runs unattended)");
        assertThat(json(view).get("safety_warning").asString()).isEqualTo("run will refuse to suspend 1");
    }
}
