package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.ShellTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

/** Each command's help page says what the command takes: an argument that may be left out is in brackets. */
class HelpPagesTest extends ShellTest {

    @Autowired
    CommandRegistry registry;

    @Autowired
    CommandClasses commands;

    @BeforeEach
    void connect() {
        connectToFresh(SandboxConfig.defaults().withUsers(20).withSeed(61));
    }

    @Test
    void anArgumentThatMayBeLeftOutIsInBrackets() {
        assertThat(usage("undo")).isEqualTo("Usage: undo [ID] [--batch N] [--lines VALUE] [--accounts VALUE]");
        assertThat(usage("runs show")).isEqualTo("Usage: runs show [ID] [--json]");
        assertThat(usage("resume")).startsWith("Usage: resume [ID] [--batch-size N]");
        assertThat(usage("plan")).startsWith("Usage: plan OPERATION [TARGET] [ROLE] [--out VALUE]");
        assertThat(usage("help")).isEqualTo("Usage: help [COMMAND]");
        assertThat(usage("load")).isEqualTo("Usage: load FILE [--op OP] [--deactivate] [--keep-groups]");
        assertThat(usage("users show")).isEqualTo("Usage: users show ID_OR_EMAIL [--json]");
        assertThat(run("help undo").out()).containsPattern("(?m)^  ID +run ID \\(default: the latest\\)$");
    }

    @Test
    void everyPageNamesWhatItsCommandTakesAndARequiredArgumentIsRequired() {
        Map<String, List<CommandClasses.PositionalArgument>> arguments = commands.arguments();
        for (Command command : registry.getCommands()) {
            Result page = run("help " + command.getName());
            assertThat(page.exitCode()).as(command.getName()).isEqualTo(ExitCodes.OK);
            assertThat(page.out())
                    .as("Spring Shell's default help text repeats the description")
                    .doesNotContain(command.getName() + "(")
                    .contains("Usage: " + command.getName());
            for (CommandOption o : command.getOptions()) {
                assertThat(page.out()).as(command.getName()).contains("--" + o.longName());
            }
            for (CommandClasses.PositionalArgument a : arguments.getOrDefault(command.getName(), List.of())) {
                assertThat(page.out())
                        .as(command.getName())
                        .containsPattern("(?m)^  " + a.name() + " ")
                        .contains(a.optional() ? "[" + a.name() + "]" : " " + a.name());
                if (!a.optional() && arguments.get(command.getName()).get(0) == a) {
                    Result without = run(command.getName());
                    assertThat(without.exitCode()).as(command.getName()).isEqualTo(ExitCodes.USAGE);
                    assertThat(without.err()).as(command.getName()).contains("needs");
                }
            }
        }
    }

    @Test
    void historySaysWhatItDoes() {
        Result r = run("help history");
        assertThat(r.out())
                .startsWith("history - List the commands typed at the prompt, earlier sessions' included")
                .contains("--save", "--force", "this session's");
        assertThat(run("history --file h.txt").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("history --force").err()).contains("--force goes with --save F.shell");
    }

    private String usage(String command) {
        Result r = run("help " + command);
        assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.OK);
        return r.out()
                .lines()
                .dropWhile(l -> !l.startsWith("Usage: "))
                .takeWhile(l -> !l.endsWith(":"))
                .map(String::strip)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }
}
