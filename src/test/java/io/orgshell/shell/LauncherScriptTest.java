package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/orgshell} keeps the API key out of the child processes that do not need it (the Maven build). */
class LauncherScriptTest {

    @TempDir
    Path tmp;

    @Test
    void theBuildItStartsDoesNotSeeTheKey() throws Exception {
        // a copy of the launcher in a tree with no jar, so it builds; a stand-in mvn on the PATH records its
        // environment
        Path scripts = Files.createDirectories(tmp.resolve("tree/scripts"));
        Files.copy(Path.of("scripts/orgshell"), scripts.resolve("orgshell"));
        Files.writeString(tmp.resolve("tree/pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path seen = tmp.resolve("mvn-env.txt");
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nenv > '" + seen + "'\nexit 1\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder pb =
                new ProcessBuilder("bash", scripts.resolve("orgshell").toString(), "version").redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("ORGSHELL_API_KEY", "launcher-test-key-0123456789");
        pb.environment().remove("ORGSHELL_NO_BUILD");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isEqualTo(ExitCodes.FAILED);
        assertThat(out).contains("the build failed");
        assertThat(Files.readString(seen))
                .as("the build ran")
                .contains("PATH=")
                .doesNotContain("ORGSHELL_API_KEY")
                .doesNotContain("launcher-test-key");
    }
}
