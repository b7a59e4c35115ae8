package io.orgshell.shell;

import java.util.List;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.stereotype.Component;

/**
 * {@code help} lists the commands; {@code help COMMAND} shows the same text as {@code COMMAND --help}. Stands in
 * for Spring Shell 4.0.1's built-in (turned off in application.properties), whose page for one command leaves out
 * the positional arguments and the allowed values.
 */
@Component
public class HelpCommand implements Command {

    static final String NAME = "help";
    static final CommandClasses.PositionalArgument COMMAND =
            new CommandClasses.PositionalArgument("COMMAND", "a command's name, all its words (users export)", true);

    private final CommandHelp help;

    public HelpCommand(CommandHelp help) {
        this.help = help;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getDescription() {
        return "List the commands; 'help COMMAND' shows one (as 'COMMAND --help' does)";
    }

    @Override
    public String getGroup() {
        return CommandHelp.BUILT_IN;
    }

    @Override
    public ExitStatus execute(CommandContext ctx) {
        List<String> words = ctx.parsedInput().arguments().stream()
                .map(CommandArgument::value)
                .toList();
        // "help users export" arrives as the command "help" and two arguments
        String name = String.join(" ", words);
        if (words.isEmpty()) {
            ctx.outputWriter().println(help.list(ctx.commandRegistry().getCommands()));
            ctx.outputWriter().println();
            ctx.outputWriter().println("'help COMMAND' or 'COMMAND --help' shows a command's arguments and options.");
        } else {
            Command command = ctx.commandRegistry().getCommandByName(name);
            if (command == null) {
                throw UnknownCommand.refusal(words, ctx.commandRegistry().getCommands());
            }
            ctx.outputWriter().println(help.usage(command));
        }
        ctx.outputWriter().flush();
        return ExitStatus.OK;
    }
}
