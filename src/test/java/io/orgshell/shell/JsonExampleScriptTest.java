package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json} as a script meets it: orgshell in a process of its own, standard output a pipe. The document
 * parses whole, and {@code scripts/examples/json-report.sh} (bash, grep and sed only) reads the same values out.
 */
@Slow
class JsonExampleScriptTest {

    @TempDir
    Path home;

    @Test
    void aPipedDocumentParsesAndTheExampleReportReadsTheSameValues() throws Exception {
        OrgShellProcess.Finished domains =
                OrgShellProcess.run(home, Map.of(), null, "--sandbox", "domains", "list", "--json");
        assertThat(domains.exitCode()).as(domains.err()).isEqualTo(ExitCodes.OK);
        assertThat(domains.err()).isEmpty();
        JsonNode doc = JsonMapper.builder().build().readTree(domains.out());
        List<String> names = new ArrayList<>();
        doc.get("domains").forEach(d -> names.add(d.get("name").asString()));
        assertThat(names).contains("acme.example");

        Path orgshell = home.resolve("orgshell");
        Files.writeString(
                orgshell,
                "#!/bin/sh\nexec "
                        + OrgShellProcess.command(List.of()).stream()
                                .map(a -> "'" + a + "'")
                                .collect(Collectors.joining(" "))
                        + " \"$@\"\n");
        Files.setPosixFilePermissions(orgshell, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder("bash", "scripts/examples/json-report.sh");
        OrgShellProcess.environment(pb, home, Map.of("ORGSHELL", orgshell.toString()));
        Path out = home.resolve("report.txt");
        Path err = home.resolve("report-err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String report = Files.readString(out);
        assertThat(p.exitValue()).as(report + Files.readString(err)).isEqualTo(ExitCodes.OK);
        assertThat(report)
                .contains(
                        "organization: Acme Sandbox",
                        "key:          sha256:",
                        "verified domains (" + names.size() + "):");
        names.forEach(n -> assertThat(report).contains("\n  " + n + "\n"));
        assertThat(report).containsPattern("accounts named Hopper: [1-9]");
    }
}
