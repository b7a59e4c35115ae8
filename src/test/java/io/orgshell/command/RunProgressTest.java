package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxUser;
import io.orgshell.support.Accounts;
import io.orgshell.support.FreshSandboxTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run shows its progress while the writes go out: a bar at a terminal, after [a]ll too, taken down when the run
 * ends; a line a batch on standard error in a script, standard output left to the data.
 */
class RunProgressTest extends FreshSandboxTest {

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(600).withSeed(71).withLatencyMs(30);
    }

    private void loadAndPreview(List<SandboxUser> users) throws Exception {
        Path file = Accounts.writeEmailMoves(Files.createTempFile(tmp, "moves", ".csv"), users);
        ok(run("load " + file));
        assertThat(run("preview").all()).contains("OK " + users.size());
    }

    @Test
    void atATerminalTheBarMovesWhileTheWritesGoOutAndIsGoneWhenTheRunEnds() throws Exception {
        List<SandboxUser> users = accounts.next(30);
        loadAndPreview(users);
        atTerminal();
        List<Integer> writesWhenDrawn = new CopyOnWriteArrayList<>();
        StringWriter screen = new StringWriter() {
            @Override
            public void write(String s, int off, int len) {
                if (s.substring(off, off + len).contains("writing [")) {
                    writesWhenDrawn.add(server.stats().writes().size());
                }
                super.write(s, off, len);
            }
        };
        InputReader all = new InputReader() {
            @Override
            public String readInput(String prompt) {
                return "a";
            }
        };

        int code = dispatcher.execute(
                "run --concurrency 2",
                console(new PrintWriter(screen, true), new PrintWriter(new StringWriter(), true), all));

        assertThat(code).as(screen.toString()).isEqualTo(ExitCodes.OK);
        assertThat(writesWhenDrawn)
                .as("the bar was drawn while writes were still going out, after [a]ll")
                .anyMatch(n -> n > 0 && n < users.size());
        assertThat(screen.toString()).contains(" failed (pace ");
        List<String> shown = rendered(screen.toString());
        assertThat(shown).as("what the screen shows at the end").noneMatch(l -> l.contains("writing ["));
        assertThat(shown).anyMatch(l -> l.startsWith("run ") && l.contains("(finished): applied 30"));
    }

    @Test
    void inAScriptALineABatchGoesToStandardErrorAndStandardOutputStaysData() throws Exception {
        List<SandboxUser> users = accounts.next(210);
        loadAndPreview(users);
        Path script = Files.writeString(tmp.resolve("run.shell"), "run --yes\nruns show --json\n");
        noTerminal();

        Result r = run("script " + script);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.err())
                .containsPattern(Pattern.compile("(?m)^batch 1/2: 200/210 writes, 0 failed, [0-9.]+ writes/s$"))
                .containsPattern(Pattern.compile("(?m)^batch 2/2: 210/210 writes, 0 failed, [0-9.]+ writes/s$"));
        JsonNode run = JsonMapper.builder().build().readTree(r.out());
        assertThat(run.get("state").asString()).isEqualTo("finished");
        assertThat(r.out()).doesNotContain("batch ").doesNotContain("writing");
    }

    /** The lines a terminal shows: a carriage return goes back to the line's start, what follows writes over it. */
    static List<String> rendered(String output) {
        // not String.lines(), which ends a line at a carriage return too
        return Arrays.stream(output.split("\n", -1))
                .map(line -> {
                    StringBuilder row = new StringBuilder();
                    int column = 0;
                    for (char c : line.toCharArray()) {
                        if (c == '\r') {
                            column = 0;
                            continue;
                        }
                        if (column < row.length()) {
                            row.setCharAt(column, c);
                        } else {
                            row.append(c);
                        }
                        column++;
                    }
                    return row.toString().stripTrailing();
                })
                .toList();
    }
}
