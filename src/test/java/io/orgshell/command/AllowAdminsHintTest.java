package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.ShellTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row blocked to protect an org admin says how to let it through, in the table and in JSON alike; the option is
 * named by the front end, and preview given it lets the row through.
 */
class AllowAdminsHintTest extends ShellTest {

    static final String HINT = "protected: org admin (preview --allow-admins to include)";

    @TempDir
    Path tmp;

    @Test
    void aProtectedRowNamesTheOptionThatIncludesIt() throws Exception {
        SandboxServer server =
                connectToFresh(SandboxConfig.defaults().withUsers(80).withSeed(41));
        SandboxUser admin = server.org().users().stream()
                .filter(u -> u.managed()
                        && u.orgAdmin()
                        && !u.accountId().equals(server.org().callerAccountId()))
                .findFirst()
                .orElseThrow();
        Path file = tmp.resolve("suspend.csv");
        Files.writeString(file, "account_id\n" + admin.accountId() + "\n");
        ok(run("load --op suspend " + file));

        Result table = run("preview");
        assertThat(table.err()).as(table.toString()).contains("BLOCKED 1");
        assertThat(TableText.joined(table.out())).contains(HINT);
        Result json = run("preview --json");
        assertThat(json.out()).contains("\"reason\": \"" + HINT + "\"");
        Result allowed = run("preview --allow-admins");
        assertThat(allowed.err()).as(allowed.toString()).contains("OK 1");
        assertThat(allowed.all()).doesNotContain("--allow-admins to include");
    }

    /** A table's text with its borders and line folds taken out, so a reason folded over lines reads whole. */
    static final class TableText {
        static String joined(String table) {
            return String.join(
                            " ",
                            table.lines()
                                    .map(l -> l.replaceAll("[│┃|]", " ").strip())
                                    .toList())
                    .replaceAll("\\s+", " ");
        }
    }
}
