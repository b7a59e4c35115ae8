package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.Fault;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxGroup;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.jline.PromptProvider;

/**
 * An org whose names, emails, group names and error bodies carry terminal escapes, C1 controls, bidi overrides and
 * JLine prompt escapes ({@code scripts/sandbox --hostile-strings}), through every command: not one control
 * character reaches the output, the prompt or a completion candidate.
 */
class HostileOrgTest extends FreshSandboxTest {

    /**
     * C0 (but newline and tab: listings in a pipe are tab-separated), DEL, C1, and the bidi embedding, override and
     * isolate controls.
     */
    static final String CONTROL = "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]";

    @Autowired
    PromptProvider prompt;

    @Autowired
    CompletionProvider completion;

    @Autowired
    CommandRegistry registry;

    final List<String> printed = new ArrayList<>();

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(300).withSeed(11).withHostileStrings(true);
    }

    @Test
    void readCommandsPrintNoControlCharacter() {
        SandboxUser hostile = hostileUsers().get(0);
        String lastName = hostile.name().split(" ")[1];
        for (String command : List.of(
                "status",
                "orgs list",
                "domains list --all",
                "users find " + lastName,
                "users show " + hostile.accountId(),
                "users export --out " + tmp.resolve("u.csv"))) {
            printedBy(command);
        }
        assertThat(String.join("", printed)).contains("\\u001b"); // the escapes were there, shown as text
        assertNoControlCharacter();
    }

    @Test
    void anExportOrAPlanOnAPersonsScreenIsInert() {
        atTerminal();
        printedBy("users export --out -");
        printedBy("users export --format json --out -");
        printedBy("plan suspend --managed --out -");
        String shown = String.join("", printed).replace("\r\n", "\n"); // a CSV's own line ends, as in the file
        assertThat(shown).contains("\\u001b").contains("account_id,email\n").doesNotContainPattern(CONTROL);
    }

    @Test
    void thePromptAndCompletionCarryNoControlCharacterAndNoPromptEscape() {
        String shown = prompt.getPrompt().toString();
        assertThat(shown).doesNotContainPattern(CONTROL).contains("Acme");
        assertThat(shown.replace("%%", ""))
                .as("a lone %% would be expanded by JLine")
                .doesNotContain("%");
        printedBy("users export --out " + tmp.resolve("c.csv"));
        SandboxUser hostileEmail = server.org().users().stream()
                .filter(u -> u.email().contains("\u202e"))
                .findFirst()
                .orElseThrow();
        String prefix = hostileEmail.email().substring(0, hostileEmail.email().indexOf('%'));
        for (String word : List.of("", prefix, hostileEmail.accountId().substring(0, 6))) {
            var command = registry.getCommandByName("users show");
            var ctx = new CompletionContext(List.of("users", "show", word), 2, word.length(), command, null);
            List<String> candidates = completion.apply(ctx).stream()
                    .map(CompletionProposal::value)
                    .toList();
            assertThat(candidates).as("candidates for '%s'", word).noneMatch(c -> c.matches("(?s).*" + CONTROL + ".*"));
            if (!word.equals(prefix)) {
                assertThat(candidates).isNotEmpty();
            }
        }
    }

    @Test
    void plansPreviewsRunsAndReportsPrintNoControlCharacter() throws Exception {
        List<SandboxUser> targets = new ArrayList<>(hostileUsers().stream()
                .filter(u -> Accounts.plain(server).anyMatch(p -> p.accountId().equals(u.accountId())))
                .limit(3)
                .toList());
        assertThat(targets).hasSize(3);
        SandboxGroup group = server.org().groups().stream()
                .filter(g -> g.name().contains("\u001b"))
                .findFirst()
                .orElseThrow();
        StringBuilder csv = new StringBuilder("account_id,group\n");
        for (SandboxUser u : targets) {
            csv.append(u.accountId())
                    .append(",\"")
                    .append(group.name().replace("\"", "\"\""))
                    .append("\"\n");
        }
        Path plan = Files.writeString(tmp.resolve("hostile-group.csv"), csv.toString());
        printedBy("load " + plan + " --op group-remove");
        printedBy("preview --all");
        printedBy("run --yes");
        printedBy("runs list");
        printedBy("runs show");
        printedBy("undo");
        printedBy("preview --all");
        assertNoControlCharacter();
    }

    @Test
    void errorBodiesFromTheServerPrintNoControlCharacter() {
        String evil = "ADMIN-\u001b]0;owned\u0007\u001b[2J\u009b1m\u202e";
        server.faults()
                .add(
                        "GET /admin/v1/orgs/{orgId}/domains",
                        Fault.respond(
                                418,
                                "{\"errors\":[{\"status\":\"418\",\"code\":\"" + json(evil) + "\",\"title\":\""
                                        + json(evil) + "\",\"detail\":\"" + json(evil) + "\"}]}",
                                Map.of("Content-Type", "application/json")));
        Result r = run("domains list");
        printed.add(r.out());
        printed.add(r.err());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("418");
        assertNoControlCharacter();
    }

    private List<SandboxUser> hostileUsers() {
        return server.org().users().stream()
                .filter(u -> u.name().contains("\u001b"))
                .toList();
    }

    private void printedBy(String command) {
        Result r = run(command);
        printed.add(r.out());
        printed.add(r.err());
        assertThat(r.exitCode()).as("%s: %s", command, r).isIn(ExitCodes.OK, ExitCodes.FAILED);
    }

    private void assertNoControlCharacter() {
        for (String text : printed) {
            assertThat(text).as("printed text").doesNotContainPattern(CONTROL);
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
