package io.orgshell.shell;

import io.orgshell.config.ConfigDirectory;
import io.orgshell.config.OrgShellProperties;
import io.orgshell.console.Console;
import io.orgshell.console.ConsoleStreams;
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
    private final SessionService sessions;
    private final LineReader lineReader;
    private final PromptProvider prompt;
    private final ConfigDirectory configDirectory;
    private final TypedCommands typed;
    private final boolean enabled;
    private int exitCode;

    public ShellLauncher(
            CommandDispatcher dispatcher,
            ScriptRunner scripts,
            SessionService sessions,
            LineReader lineReader,
            PromptProvider prompt,
            ConfigDirectory configDirectory,
            TypedCommands typed,
            OrgShellProperties properties) {
        this.typed = typed;
        this.dispatcher = dispatcher;
        this.scripts = scripts;
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
        Mode mode = !options.command().isEmpty()
                ? Mode.ONE_SHOT
                : options.file() != null || !terminal ? Mode.SCRIPT : Mode.INTERACTIVE;
        InputReader input = terminal ? new TerminalInputReader(lineReader) : new NoTerminalInputReader();
        Console console = mode == Mode.INTERACTIVE
                ? terminalConsole(streams, input, options.debug())
                : Console.builder(writer(streams.stdout()), writer(System.err)) // raw: Jansi writes to standard output
                        .input(input)
                        .styles(streams.out(), streams.err())
                        .outputIsTerminal(streams.outputIsTerminal())
                        .liveProgress(mode == Mode.ONE_SHOT)
                        .width(lineReader.getTerminal()::getWidth)
                        .debug(options.debug())
                        .build();

        sessions.completeAtPrompt(mode == Mode.INTERACTIVE);
        if (options.sandbox() || options.profile() != null) {
            int code = connectAtLaunch(options, console, mode, terminal ? input : null);
            if (code != ExitCodes.OK && mode != Mode.INTERACTIVE) {
                exitCode = code;
                return;
            }
        }
        exitCode = switch (mode) {
            case ONE_SHOT -> dispatcher.execute(options.commandLine(), console);
            case SCRIPT -> runScript(options, console);
            case INTERACTIVE -> interactive(console);
        };
    }

    /** How orgshell was started: one command, a script (a file or standard input), or the shell at a terminal. */
    private enum Mode {
        INTERACTIVE,
        ONE_SHOT,
        SCRIPT
    }

    /** The interactive shell writes results, messages and errors to the terminal, in its colours. */
    private Console terminalConsole(ConsoleStreams streams, InputReader input, boolean debug) {
        PrintWriter screen = lineReader.getTerminal().writer();
        return Console.builder(screen, screen)
                .input(input)
                .styles(streams.out(), streams.out())
                .personAnswers(true)
                .outputIsTerminal(true)
                .liveProgress(true)
                .width(lineReader.getTerminal()::getWidth)
                .debug(debug)
                .build();
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** In a script the sandbox's address is said too: its port is to be seen nowhere else. */
    private int connectAtLaunch(LaunchOptions options, Console console, Mode mode, InputReader input) {
        try {
            Connection c = sessions.connect(
                    new ConnectRequest(options.profile(), null, null, options.sandbox()),
                    input == null ? null : p -> readSecret(input, p));
            if (mode == Mode.INTERACTIVE || c.sandbox() && mode == Mode.SCRIPT) {
                console.err()
                        .println(console.errorStyles()
                                .dim("connected to " + Sanitizer.forTerminal(c.orgName()) + " (" + c.orgId() + ")"
                                        + (c.sandbox() ? " - sandbox org on " + c.baseUrl() : "")));
            }
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            ErrorTranslator.Failure f = ErrorTranslator.translate(e);
            console.err().println(console.errorStyles().error("error: ") + "cannot connect: " + f.message());
            console.err().flush();
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

    private int runScript(LaunchOptions options, Console console) throws IOException {
        if (options.file() == null) {
            var stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return scripts.run(stdin, "<stdin>", null, console);
        }
        try (BufferedReader file = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
            return scripts.run(file, options.file().toString(), options.file(), console);
        } catch (NoSuchFileException e) {
            console.err().println(console.errorStyles().error("error: ") + "no such script: " + options.file());
            return ExitCodes.USAGE;
        } catch (MalformedInputException e) {
            console.err().println(console.errorStyles().error("error: ") + options.file() + " is not UTF-8 text");
            return ExitCodes.USAGE;
        }
    }

    private int interactive(Console console) throws IOException {
        return new Repl(lineReader, prompt, dispatcher, configDirectory.historyFile(), console, typed).run();
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
