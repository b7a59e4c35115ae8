package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/orgshell} as a copy in a tree with no jar, with stand-ins for {@code mvn} and {@code java} on the
 * PATH: a first start says it is building and shows Maven's progress, a second start does not call Maven, and the
 * build it starts does not see the API key.
 */
class LauncherScriptTest {

    record Started(int exitCode, String out, String err) {}

    @TempDir
    Path tmp;

    Path launcher;
    Path bin;

    @BeforeEach
    void aTreeWithNoJar() throws IOException {
        Path scripts = Files.createDirectories(tmp.resolve("tree/scripts"));
        launcher = Files.copy(Path.of("scripts/orgshell"), scripts.resolve("orgshell"));
        Path pom = Files.writeString(tmp.resolve("tree/pom.xml"), "<project/>\n");
        // older than any jar the stand-in build makes, whatever the file system's clock resolution
        Files.setLastModifiedTime(pom, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        bin = Files.createDirectories(tmp.resolve("bin"));
    }

    @Test
    void theBuildItStartsDoesNotSeeTheKey() throws Exception {
        Path seen = tmp.resolve("mvn-env.txt");
        script("mvn", "env > '" + seen + "'\nexit 1");

        Started s = start("ORGSHELL_API_KEY", "launcher-test-key-0123456789");

        assertThat(s.exitCode()).as(s.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(s.err()).contains("the build failed");
        assertThat(Files.readString(seen))
                .as("the build ran")
                .contains("PATH=")
                .doesNotContain("ORGSHELL_API_KEY")
                .doesNotContain("launcher-test-key");
    }

    @Test
    void aFirstStartSaysItIsBuildingShowsMavensProgressAndTheSecondDoesNotBuild() throws Exception {
        Path calls = tmp.resolve("mvn-calls.txt");
        script(
                "mvn",
                "echo \"$*\" >> '" + calls + "'\n"
                        + "echo '[INFO] Downloading from central: spring-boot.pom'\n"
                        + "mkdir -p target && echo jar > target/orgshell.jar");
        script("java", "echo \"java $*\"");

        Started first = start();
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        List<String> messages = first.err().lines().toList();
        assertThat(messages.get(0))
                .as("said before Maven starts")
                .isEqualTo("orgshell: building orgshell with Maven; the first time downloads its dependencies and "
                        + "can take a few minutes");
        assertThat(messages)
                .as("Maven's progress, on standard error")
                .contains("[INFO] Downloading from central: spring-boot.pom");
        assertThat(Files.readAllLines(calls))
                .singleElement()
                .satisfies(args ->
                        assertThat(List.of(args.split(" "))).contains("package").doesNotContain("-q"));
        assertThat(first.out())
                .as("standard output is the command's")
                .isEqualTo("java -XX:TieredStopAtLevel=1"
                        + " -XX:+UseSerialGC -Xmn12m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError -Dspring.aot.enabled=true -jar "
                        + tmp.resolve("tree/target/orgshell.jar").toRealPath() + " version\n");

        Started second = start();
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
        assertThat(second.err()).doesNotContain("building").doesNotContain("Downloading");
        assertThat(Files.readAllLines(calls)).as("Maven ran once").hasSize(1);
    }

    private void script(String name, String body) throws IOException {
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private Started start(String... env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "version");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("ORGSHELL_NO_BUILD");
        pb.environment().remove("ORGSHELL_JAVA_OPTS");
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Started(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
