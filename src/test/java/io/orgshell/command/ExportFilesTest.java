package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * Exports go into folders that are the user's, often shared ones: the folder keeps its mode, the file is owner-only
 * from the start, and a symbolic link planted where the file is being written is refused, not followed.
 */
class ExportFilesTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(120).withSeed(5);
    }

    @Test
    void exportsLeaveASharedFolderAsItWas() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        chmod(shared, "1777");
        for (String command : new String[] {
            "users export --out " + shared.resolve("u.csv"), "domains list --out " + shared.resolve("d.csv")
        }) {
            Result r = run(command);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
            assertThat(mode(shared))
                    .as("mode of the folder after '%s'", command)
                    .isEqualTo("1777");
        }
        for (String file : new String[] {"u.csv", "d.csv"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve(file))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aLinkPlantedAtThePartFileIsRefused() throws Exception {
        Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious\n");
        Path out = tmp.resolve("u.csv");
        Files.createSymbolicLink(tmp.resolve("u.csv.part"), victim);

        Result r = run("users export --out " + out);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("u.csv.part is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(out).doesNotExist();
        assertThat(Files.isSymbolicLink(tmp.resolve("u.csv.part"))).isTrue();
        assertThat(Files.exists(tmp.resolve("u.csv.part"), LinkOption.NOFOLLOW_LINKS))
                .isTrue();
    }

    private static void chmod(Path p, String mode) throws Exception {
        Process chmod =
                new ProcessBuilder("chmod", mode, p.toString()).inheritIO().start();
        assertThat(chmod.waitFor()).isZero();
    }

    /** Octal mode with the sticky bit, which Java's POSIX view does not show. */
    private static String mode(Path p) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%a", p.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes()).strip();
        assertThat(stat.waitFor()).isZero();
        return out;
    }
}
