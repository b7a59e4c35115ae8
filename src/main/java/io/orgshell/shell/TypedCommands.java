package io.orgshell.shell;

import io.orgshell.core.ExitCodes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The commands typed at the prompt since this shell started, with the exit code each ended with: what
 * {@code history --save} writes as a script. The history file holds earlier sessions too, and no exit codes; a
 * session is the work an admin means to record. A line that held a secret is kept only as the fact that it was
 * typed ({@link SecretFilteringHistory} decides), so the key is never in memory here.
 */
@Component
public class TypedCommands {

    /** {@code line} is null for a line left out because it held a secret. */
    public record Typed(String line, int exitCode) {

        public boolean secret() {
            return line == null;
        }
    }

    private final SecretFilteringHistory secrets;
    private final List<Typed> typed = new ArrayList<>();

    public TypedCommands(SecretFilteringHistory secrets) {
        this.secrets = secrets;
    }

    /** The interactive loop starts: what was typed before belongs to another session. */
    public synchronized void sessionStarted() {
        typed.clear();
    }

    public synchronized void add(String line, int exitCode) {
        typed.add(new Typed(secrets.isSecret(line) ? null : line, exitCode));
    }

    public synchronized List<Typed> all() {
        return List.copyOf(typed);
    }

    /**
     * This session as a {@code .shell} script for {@code scriptName}: how to replay it, then each command in the order
     * typed. A command that failed is a comment (replayed, it would stop the script there); {@code history} itself
     * is left out, and a line that held a secret is named as left out.
     */
    public List<String> asScript(String scriptName, Instant savedAt) {
        List<String> lines = new ArrayList<>();
        lines.add("# orgshell commands typed at the prompt, saved " + savedAt.truncatedTo(ChronoUnit.SECONDS));
        lines.add("# replay: orgshell --file " + scriptName + "  (or 'script " + scriptName
                + "' in the shell); it stops at the first command that fails");
        lines.add("# a connection made when the shell started is not in it: start the replay the same way "
                + "(orgshell --sandbox --file ..., orgshell --profile NAME --file ...) or connect first");
        lines.add("# run and resume write in a script only with --yes: add it to each one this script is to run");
        for (Typed t : all()) {
            if (t.secret()) {
                lines.add("# (a line that held a secret was left out)");
            } else if (t.line().equals("history") || t.line().startsWith("history ")) {
                continue;
            } else if (t.exitCode() != ExitCodes.OK) {
                lines.add("# failed (exit " + t.exitCode() + "): " + t.line());
            } else {
                lines.add(t.line());
            }
        }
        return lines;
    }
}
