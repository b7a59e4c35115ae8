package io.orgshell.shell;

import io.orgshell.core.UsageException;
import io.orgshell.core.UserHome;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options before the command: {@code [--sandbox] [--profile P] [--file F.shell] [--debug] [--no-color]
 * [COMMAND ...]}. Everything from the first word that is not one of these is the command line.
 */
public record LaunchOptions(
        boolean sandbox,
        String profile,
        Path file,
        boolean debug,
        boolean noColor,
        boolean help,
        List<String> command) {

    public static final String USAGE = "usage: orgshell [--sandbox] [--profile NAME] [--debug] [--no-color] "
            + "[--file SCRIPT.shell | COMMAND [ARGS...]]";

    /** What {@code orgshell --help} prints: how to start it; the commands are listed by {@code help} inside. */
    public static final String HELP = String.join(
            System.lineSeparator(),
            USAGE,
            "",
            "  (no command)        the interactive shell; commands on standard input when it is not a terminal",
            "  COMMAND [ARGS...]   run one command and exit with its status (e.g. orgshell --sandbox domains list)",
            "  --file F.shell      run a script: one command a line, # comments, stops at the first failure",
            "  --sandbox           connect to a fresh embedded sandbox org first (nothing real is touched)",
            "  --profile NAME      connect with a profile of config.yml first",
            "  --debug             stack traces with errors",
            "  --no-color          plain text (also: NO_COLOR=1)",
            "  --help, -h          this text",
            "",
            "Connection: ORGSHELL_ORG_ID, ORGSHELL_API_KEY, ORGSHELL_BASE_URL, or a profile; the key is never an argument.",
            "Inside the shell: 'help' lists the commands, 'COMMAND --help' shows one.",
            "Exit codes: 0 ok, 1 failed, 2 usage, 3 no session, 4 API unreachable, 5 key refused, 130 interrupted.");

    public static LaunchOptions parse(String[] args) {
        boolean sandbox = false;
        boolean help = false;
        boolean debug = false;
        boolean noColor = false;
        String profile = null;
        Path file = null;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                i++;
                break;
            } else if (a.equals("--help") || a.equals("-h")) {
                help = true;
            } else if (a.equals("--sandbox")) {
                sandbox = true;
            } else if (a.equals("--debug")) {
                debug = true;
            } else if (a.equals("--no-color")) {
                noColor = true;
            } else if (a.equals("--profile") || a.startsWith("--profile=")) {
                profile = value(args, a.equals("--profile") ? ++i : -1, a, "--profile");
            } else if (a.equals("--file") || a.startsWith("--file=")) {
                file = path(value(args, a.equals("--file") ? ++i : -1, a, "--file"));
            } else if (a.startsWith("--api-key") || a.startsWith("--key")) {
                throw new UsageException("the API key is never taken from the command line (it would land in "
                        + "shell history and ps); set ORGSHELL_API_KEY or use a profile");
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a + System.lineSeparator() + USAGE);
            } else {
                break;
            }
        }
        List<String> command = new ArrayList<>(List.of(args).subList(Math.min(i, args.length), args.length));
        if (file != null && !command.isEmpty()) {
            throw new UsageException("give either --file or a command, not both");
        }
        return new LaunchOptions(sandbox, profile, file, debug, noColor, help, command);
    }

    private static Path path(String value) {
        try {
            return Path.of(UserHome.current().expand(value));
        } catch (InvalidPathException e) {
            throw new UsageException("--file: not a valid path: " + value);
        }
    }

    private static String value(String[] args, int index, String arg, String name) {
        if (index < 0) {
            String v = arg.substring(name.length() + 1);
            if (v.isEmpty()) {
                throw new UsageException(name + " needs a value");
            }
            return v;
        }
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        return args[index];
    }

    /** The command words as one line for the parser, quoting words that the shell had kept together. */
    public String commandLine() {
        StringBuilder sb = new StringBuilder();
        for (String word : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean plain = !word.isEmpty()
                    && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\');
            sb.append(plain ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
