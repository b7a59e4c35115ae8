package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A script piped into orgshell, standard output a pipe: the results alone on standard output (a document a JSON
 * reader takes whole, tab-separated lines), and what the commands say on the way (connected, selected, loaded,
 * preview of...) on standard error.
 */
@Slow // starts a JVM
class PipedScriptTest {

    @TempDir
    Path home;

    @Test
    void aPlanThenAPreviewAsJsonLeavesOneDocumentOnStandardOutput() throws Exception {
        OrgShellProcess.Finished f =
                OrgShellProcess.run(home, Map.of(), "plan suspend --inactive-since 90d\npreview --json\n", "--sandbox");

        assertThat(f.exitCode()).as(f.err()).isEqualTo(ExitCodes.OK);
        JsonNode doc = JsonMapper.builder().build().readTree(f.out());
        assertThat(doc.get("plan").get("operation").asString()).isEqualTo("suspend");
        assertThat(doc.get("rows").size()).isPositive();
        assertThat(doc.get("counts").get("ok").asLong()).isPositive();
        assertThat(f.err())
                .contains("connected to ")
                .contains("selected ")
                .contains("loaded ")
                .contains("preview of ");
    }

    @Test
    void listingsInAPipeAreTabSeparatedLinesAndNothingElse() throws Exception {
        Path plan = home.resolve("suspend.csv");
        OrgShellProcess.Finished written = OrgShellProcess.run(
                home, Map.of(), "plan suspend --inactive-since 90d --out " + plan + "\n", "--sandbox");
        assertThat(written.exitCode()).as(written.err()).isEqualTo(ExitCodes.OK);
        assertThat(written.out()).as("the plan's messages are not results").isEmpty();

        OrgShellProcess.Finished f = OrgShellProcess.run(
                home, Map.of(), "load " + plan + " --op suspend\npreview --all\ndomains list\n", "--sandbox");

        assertThat(f.exitCode()).as(f.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = f.out().lines().toList();
        assertThat(lines)
                .contains(
                        "Line\tAccount\tEmail\tName\tChange\tLast active\tVerdict\tWhy",
                        "Domain\tStatus\tVerification");
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("\t"));
        assertThat(f.err()).contains("loaded ").contains("next: preview").contains("verified domains");
        assertThat(Files.readString(plan)).startsWith("account_id");
    }
}
