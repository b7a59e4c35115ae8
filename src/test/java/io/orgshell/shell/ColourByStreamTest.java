package io.orgshell.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orgshell.core.ExitCodes;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.Slow;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour as a user meets it, each run in a JVM of its own: a stream is coloured only when it is itself a terminal
 * (a pseudo-terminal made by util-linux {@code script}), files and pipes get plain text, {@code NO_COLOR} and
 * {@code --no-color} switch colour off, and Jansi's own switch ({@code -Djansi.err.mode=force}) is obeyed. The
 * script prints the connected org (bold name, {@code [SANDBOX]} in magenta) to standard output, then fails on an
 * unknown command: a red {@code error:} and {@code stopped:} on standard error.
 */
@Slow // starts JVMs
class ColourByStreamTest {

    private static final String ESC = "\u001b[";

    @TempDir
    static Path home;

    static Path shellScript;

    @BeforeAll
    static void writeScript() throws Exception {
        shellScript = home.resolve("colour.shell");
        Files.writeString(shellScript, "status\nnope\n");
    }

    @Test
    void filesGetPlainTextOnBothStreams() throws Exception {
        OrgShellProcess.Finished f =
                OrgShellProcess.run(home, Map.of(), null, "--sandbox", "--file", shellScript.toString());
        assertThat(f.out()).contains("[SANDBOX]").doesNotContain(ESC);
        assertThat(f.err()).contains("error: unknown command 'nope'").doesNotContain(ESC);
    }

    @Test
    void jansiForcesColourOnlyOnTheStreamItIsToldToAndNoColorStillWins() throws Exception {
        OrgShellProcess.Finished f = OrgShellProcess.start(
                        List.of("-Djansi.err.mode=force"),
                        home,
                        Map.of("NO_COLOR", ""),
                        null,
                        "--sandbox",
                        "--file",
                        shellScript.toString())
                .await();
        assertThat(f.err()).contains("unknown command 'nope'").contains(ESC);
        assertThat(f.out()).contains("[SANDBOX]").doesNotContain(ESC);

        OrgShellProcess.Finished none = OrgShellProcess.start(
                        List.of("-Djansi.err.mode=force"),
                        home,
                        Map.of("NO_COLOR", "1"),
                        null,
                        "--sandbox",
                        "--file",
                        shellScript.toString())
                .await();
        assertThat(none.err()).contains("unknown command 'nope'").doesNotContain(ESC);
    }

    @Test
    void aTerminalOnStandardOutputIsColouredWhileStandardErrorInAFileStaysPlain() throws Exception {
        Path err = home.resolve("stderr.txt");
        String screen = underTerminal(Map.of(), "2>" + quote(err.toString()));
        assertThat(screen).contains("[SANDBOX]").contains(ESC);
        assertThat(Files.readString(err))
                .contains("error: unknown command 'nope'")
                .contains("stopped:")
                .doesNotContain(ESC);
    }

    @Test
    void aTerminalOnStandardErrorIsColouredWhileStandardOutputInAFileStaysPlain() throws Exception {
        Path out = home.resolve("stdout.txt");
        String screen = underTerminal(Map.of(), ">" + quote(out.toString()));
        assertThat(screen).contains("unknown command 'nope'").contains(ESC);
        assertThat(Files.readString(out)).contains("[SANDBOX]").doesNotContain(ESC);
    }

    @Test
    void noColorAndTheOptionSwitchColourOffOnATerminal() throws Exception {
        assertThat(underTerminal(Map.of("NO_COLOR", ""), ""))
                .as("an empty NO_COLOR is not set")
                .contains("[SANDBOX]")
                .contains(ESC);
        assertThat(underTerminal(Map.of("NO_COLOR", "1"), ""))
                .contains("[SANDBOX]")
                .contains("unknown command 'nope'")
                .doesNotContain(ESC);
        assertThat(underTerminal(Map.of(), "", "--no-color"))
                .contains("[SANDBOX]")
                .contains("unknown command 'nope'")
                .doesNotContain(ESC);
    }

    /** Runs the script with standard input, output and error on a pseudo-terminal, less what {@code redirect} moves. */
    private static String underTerminal(Map<String, String> env, String redirect, String... options) throws Exception {
        assumeTrue(utilLinuxScript(), "util-linux script makes the pseudo-terminal");
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(List.of("--sandbox", "--file", shellScript.toString()));
        String command = OrgShellProcess.command(List.of(), args.toArray(String[]::new)).stream()
                        .map(ColourByStreamTest::quote)
                        .collect(Collectors.joining(" "))
                + " " + redirect;
        Path transcript = Files.createTempFile(home, "screen", ".txt");
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-f", "-e", "-c", command, transcript.toString());
        Map<String, String> all = new HashMap<>(Map.of("SHELL", "/bin/sh", "TERM", "xterm-256color"));
        all.putAll(env);
        pb.environment().remove("NO_COLOR");
        OrgShellProcess.environment(pb, home, all);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("orgshell under script did not finish");
        }
        String screen = Files.readString(transcript, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(screen).isEqualTo(ExitCodes.USAGE);
        return screen;
    }

    private static boolean utilLinuxScript() {
        try {
            Process p = new ProcessBuilder("script", "--version")
                    .redirectErrorStream(true)
                    .start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && version.contains("util-linux");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
