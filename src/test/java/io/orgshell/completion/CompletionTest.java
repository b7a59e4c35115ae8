package io.orgshell.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.run.OutcomeCounts;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunState;
import io.orgshell.run.RunStore;
import io.orgshell.support.ShellTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** TAB through the shell's completer: positional run IDs, operation names, command names. */
class CompletionTest extends ShellTest {

    @Autowired
    RunStore runs;

    @Test
    void runIdsOperationsAndCommandsComplete() {
        RunDirectory dir = runs.create("email");
        String now = Instant.now().toString();
        dir.writeMeta(new RunMeta(
                dir.id(), "email", "org", "Org", "f.csv", now, 1, 1, RunState.PAUSED, OutcomeCounts.none(), now, null));

        // resume offers only the connected org's unfinished runs: RunOrgBindingTest
        assertThat(complete("undo " + dir.id().substring(0, 8))).contains(dir.id());
        assertThat(complete("runs show ")).contains(dir.id());
        assertThat(complete("load --op group-"))
                .contains("group-add", "group-remove")
                .doesNotContain("email");
        assertThat(complete("users ")).contains("export", "show", "find");
        assertThat(complete("domains list --")).contains("--all", "--out");
    }
}
