package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example scripts of scripts/examples replay whole workflows on the embedded sandbox, as documented. */
@Slow
class ExampleScriptsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource({
        "domain-move.shell, applied 20",
        "offboarding.shell, applied 5",
        "team-reshuffle.shell, applied 4",
        "directory-domain-move.shell, applied 329",
        "inactive-suspension.shell, applied 239",
        "inactive-access-cleanup.shell, applied 436",
        "token-cleanup.shell, applied 652"
    })
    void anExampleRunsToTheEnd(String script, String expected) throws Exception {
        OrgShellProcess.Finished f =
                OrgShellProcess.run(home, Map.of(), null, "--sandbox", "--file", "scripts/examples/" + script);
        assertThat(f.exitCode()).as(f.out() + f.err()).isEqualTo(ExitCodes.OK);
        assertThat(f.err()).contains(expected).contains("(finished)").doesNotContain("error:");
    }
}
