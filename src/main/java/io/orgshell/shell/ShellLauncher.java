package io.orgshell.shell;

import io.orgshell.config.ConfigDirectory;
import io.orgshell.config.OrgShellProperties;
import io.orgshell.console.ConsoleStreams;
import io.orgshell.console.ShellMode;
import io.orgshell.console.Styles;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import io.orgshell.core.UserFacingException;
import io.orgshell.session.ConnectRequest;
import io.orgshell.session.Connection;
import io.orgshell.session.SessionService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.jline.reader.LineReader;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/**
 * Decides the mode from the arguments and runs it: the interactive shell (no command, a terminal), one command
 * ({@code orgshell domains list}), or a script ({@code --file F.shell}, or standard input when it is not a
 * terminal). Its name makes Spring Shell's own runner back off; with {@code orgshell.launcher=false} (tests drive
 * the dispatcher themselves) it does nothing.
 */
@Component("springShellApplicationRunner")
public class ShellLauncher implements ApplicationRunner, ExitCodeGenerator {

    private final CommandDispatcher dispatcher;
    private final ScriptRunner scripts;
    private final ShellMode mode;
    private final SessionService sessions;
    private final LineReader lineReader;
    private final PromptProvider prompt;
    private final ConfigDirectory configDirectory;
    private final boolean enabled;
    private int exitCode;

    public ShellLauncher(
            CommandDispatcher dispatcher,
            ScriptRunner scripts,
            ShellMode mode,
            SessionService sessions,
            LineReader lineReader,
            PromptProvider prompt,
            ConfigDirectory configDirectory,
            OrgShellProperties properties) {
        this.dispatcher = dispatcher;
        this.scripts = scripts;
        this.mode = mode;
        this.sessions = sessions;
        this.lineReader = lineReader;
        this.prompt = prompt;
        this.configDirectory = configDirectory;
        this.enabled = properties.launcher();
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        if (!enabled) {
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(arguments.getSourceArgs());
        } catch (UsageException e) {
            PrintWriter err = writer(System.err);
            err.println("error: " + e.getMessage());
            exitCode = ExitCodes.USAGE;
            return;
        }
        if (options.help()) {
            PrintWriter out = writer(System.out);
            out.println(LaunchOptions.HELP);
            out.flush();
            exitCode = ExitCodes.OK;
            return;
        }
        ConsoleStreams streams =
                ConsoleStreams.detect(lineReader.getTerminal(), options.noColor(), System.getenv("NO_COLOR"));
        boolean terminal = streams.interactive();
        PrintWriter out = writer(streams.stdout());
        PrintWriter err = writer(System.err); // raw: the terminal Jansi writes to is standard output
        mode.setDebug(options.debug());
        ShellMode.Kind kind = !options.command().isEmpty()
                ? ShellMode.Kind.ONE_SHOT
                : options.file() != null || !terminal ? ShellMode.Kind.SCRIPT : ShellMode.Kind.INTERACTIVE;
        mode.set(kind);
        // the interactive shell writes errors to the terminal as well, so they take its colours there
        mode.setStyles(streams.out(), kind == ShellMode.Kind.INTERACTIVE ? streams.out() : streams.err());
        mode.setOutputIsTerminal(streams.outputIsTerminal());
        Styles errorStyles = mode.errorStyles();
        InputReader input = terminal ? new TerminalInputReader(lineReader) : new NoTerminalInputReader();

        if (options.sandbox() || options.profile() != null) {
            PrintWriter notices = kind == ShellMode.Kind.INTERACTIVE
                    ? lineReader.getTerminal().writer()
                    : err;
            int code = connectAtLaunch(options, notices, errorStyles, terminal ? input : null);
            if (code != ExitCodes.OK && kind != ShellMode.Kind.INTERACTIVE) {
                exitCode = code;
                return;
            }
        }
        exitCode = switch (kind) {
            case ONE_SHOT -> dispatcher.execute(options.commandLine(), out, err, input);
            case SCRIPT -> runScript(options, out, err, input, errorStyles);
            case INTERACTIVE -> interactive();
        };
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    private int connectAtLaunch(LaunchOptions options, PrintWriter notices, Styles styles, InputReader input) {
        try {
            Connection c = sessions.connect(
                    new ConnectRequest(options.profile(), null, null, options.sandbox()),
                    input == null ? null : p -> readSecret(input, p));
            if (mode.isInteractive() || c.sandbox() && mode.kind() != ShellMode.Kind.ONE_SHOT) {
                notices.println(styles.dim("connected to " + Sanitizer.forTerminal(c.orgName()) + " (" + c.orgId() + ")"
                        + (c.sandbox() ? " - sandbox org on " + c.baseUrl() : "")));
            }
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            ErrorTranslator.Failure f = ErrorTranslator.translate(e);
            notices.println(styles.error("error: ") + "cannot connect: " + f.message());
            notices.flush();
            return f.exitCode();
        }
    }

    static char[] readSecret(InputReader input, String prompt) {
        try {
            return input.readPassword(prompt);
        } catch (Exception e) {
            throw new UserFacingException("cannot read the API key: " + e.getMessage());
        }
    }

    private int runScript(LaunchOptions options, PrintWriter out, PrintWriter err, InputReader input, Styles styles)
            throws IOException {
        if (options.file() == null) {
            var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return scripts.run(stdin, "<stdin>", null, out, err, input, styles);
        }
        try (BufferedReader file = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
            return scripts.run(file, options.file().toString(), options.file(), out, err, input, styles);
        } catch (NoSuchFileException e) {
            err.println(styles.error("error: ") + "no such script: " + options.file());
            return ExitCodes.USAGE;
        } catch (MalformedInputException e) {
            err.println(styles.error("error: ") + options.file() + " is not UTF-8 text");
            return ExitCodes.USAGE;
        }
    }

    private int interactive() throws IOException {
        return new Repl(lineReader, prompt, dispatcher, configDirectory.historyFile()).run();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Script and pipe mode: nobody can answer a prompt, so asking is an error, not a hang. */
    static final class NoTerminalInputReader implements InputReader {
        @Override
        public String readInput(String prompt) {
            throw new UserFacingException(
                    "cannot ask '" + prompt.strip() + "': no terminal (use --yes or set it in " + "the environment)",
                    ExitCodes.USAGE);
        }

        @Override
        public char[] readPassword(String prompt) {
            throw new UserFacingException(
                    "cannot ask for the API key: no terminal; set ORGSHELL_API_KEY or use a " + "profile",
                    ExitCodes.USAGE);
        }
    }
}
