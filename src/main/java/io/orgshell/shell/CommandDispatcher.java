package io.orgshell.shell;

import io.orgshell.console.Console;
import io.orgshell.core.ExitCodes;
import io.orgshell.session.SessionService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.availability.Availability;
import org.springframework.stereotype.Component;

/**
 * Runs one command line and returns its exit code. Interactive, one-shot and script mode all come through here,
 * so a command behaves and fails the same way in each: errors are translated once, by {@link ErrorTranslator}.
 * A command that needs a session opens one first when the environment or the default profile says how, so
 * {@code ORGSHELL_ORG_ID=... ORGSHELL_API_KEY=... orgshell users export --out u.csv} works without a {@code connect}.
 */
@Component
public class CommandDispatcher {

    private final CommandParser parser;
    private final CommandRegistry registry;
    private final SessionService sessions;
    private final CommandHelp help;

    public CommandDispatcher(
            CommandParser parser, CommandRegistry registry, SessionService sessions, CommandHelp help) {
        this.parser = parser;
        this.registry = registry;
        this.sessions = sessions;
        this.help = help;
    }

    /** Runs {@code line} with {@code console}, which the command finds in its context ({@link Console#of}). */
    public int execute(String line, Console console) {
        PrintWriter out = console.out();
        try {
            ParsedInput parsed = parser.parse(line);
            String name = fullName(parsed);
            Command command = registry.getCommandByName(name);
            if (command == null && !startsLongerNames(name)) {
                throw UnknownCommand.refusal(words(parsed), registry.getCommands());
            }
            if (command != null) {
                if (parsed.options().stream().anyMatch(o -> "help".equals(o.longName()))) {
                    out.println(help.usage(command));
                    out.flush();
                    return ExitCodes.OK;
                }
                Availability availability = command.getAvailabilityProvider().get();
                if (!availability.isAvailable() && sessions.connectUnattended()) {
                    availability = command.getAvailabilityProvider().get();
                }
                if (!availability.isAvailable()) {
                    return report(
                            console,
                            new ErrorTranslator.Failure(
                                    ExitCodes.UNAVAILABLE, "'" + name + "' is not available: " + availability.reason()),
                            null);
                }
            }
            ExitStatus status =
                    new CommandExecutor(registry).execute(new CommandContext(parsed, registry, out, console));
            out.flush();
            return toExitCode(status);
        } catch (Exception e) {
            out.flush();
            return report(console, ErrorTranslator.translate(e), e);
        }
    }

    private static int report(Console console, ErrorTranslator.Failure failure, Exception e) {
        PrintWriter err = console.err();
        err.println(console.errorStyles().error("error: ") + failure.message());
        if (console.debug() && e != null) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.println(console.errorStyles().dim(trace.toString()));
        }
        err.flush();
        return failure.exitCode();
    }

    /** {@code users} alone: the executor lists the commands it starts. */
    private boolean startsLongerNames(String name) {
        return registry.getCommands().stream().anyMatch(c -> c.getName().startsWith(name + " "));
    }

    private static List<String> words(ParsedInput parsed) {
        List<String> words = new ArrayList<>(List.of(parsed.commandName()));
        words.addAll(parsed.subCommands());
        return words;
    }

    private static String fullName(ParsedInput parsed) {
        return parsed.subCommands().isEmpty()
                ? parsed.commandName()
                : parsed.commandName() + " " + String.join(" ", parsed.subCommands());
    }

    static int toExitCode(ExitStatus status) {
        int code = status.code();
        if (code == ExitStatus.OK.code()) {
            return ExitCodes.OK;
        }
        if (code == ExitStatus.USAGE_ERROR.code()) {
            return ExitCodes.USAGE;
        }
        if (code == ExitStatus.AVAILABILITY_ERROR.code()) {
            return ExitCodes.UNAVAILABLE;
        }
        return code > 0 ? code : ExitCodes.FAILED;
    }
}
