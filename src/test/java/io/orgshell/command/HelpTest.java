package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.plan.Operation;
import io.orgshell.support.ShellTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Help a newcomer can rely on: positional arguments and every allowed value, the same through both doors. */
class HelpTest extends ShellTest {

    @Test
    void loadHelpNamesTheFileAndEveryOperation() {
        Result r = run("load --help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("Usage: load FILE [--op OP]")
                .contains("Arguments:")
                .containsPattern("(?m)^  FILE +the CSV file")
                .contains("--op OP");
        String folded = r.out().replaceAll("\\s+", " ");
        assertThat(Operation.values()).hasSize(17);
        assertThat(folded)
                .contains("one of: "
                        + String.join(
                                ", ",
                                Arrays.stream(Operation.values())
                                        .map(Operation::cliName)
                                        .toList()));
        assertThat(r.out().lines()).as("fits 80 columns").allMatch(l -> l.length() <= 80);
    }

    @Test
    void helpCommandShowsTheSamePage() {
        Result viaHelp = run("help load");
        assertThat(viaHelp.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(viaHelp.out()).isEqualTo(run("load --help").out());
        assertThat(run("help users export").out())
                .isEqualTo(run("users export --help").out())
                .contains("one of: active, inactive, closed");
        assertThat(run("help runs show").out()).containsPattern("(?m)^  ID +run ID");
    }

    @Test
    void helpListsTheCommandsAndRefusesAnUnknownOne() {
        Result list = run("help");
        assertThat(list.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(list.out())
                .containsPattern("(?m)^  load +Load a CSV")
                .contains("users export")
                .contains("quit, exit")
                .contains("help COMMAND");
        assertThat(list.out().lines()).as("fits 80 columns").allMatch(l -> l.length() <= 80);
        Result unknown = run("help nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown command 'nope'");
    }

    @Test
    void planHelpOffersOnlyWhatCanBeBuiltFromTheDirectory() {
        Result r = run("plan --help");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        String unfolded = r.out().replaceAll("\\s+", " ");
        assertThat(unfolded)
                .contains("Usage: plan OPERATION")
                .contains("one of: email, suspend, restore, deactivate, "
                        + "enable, delete, group-add, group-remove, remove")
                .doesNotContain("profile")
                .doesNotContain("cancel-delete");
    }
}
