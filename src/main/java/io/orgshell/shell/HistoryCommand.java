package io.orgshell.shell;

import java.io.PrintWriter;
import org.jline.reader.History;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.stereotype.Component;

/**
 * {@code history}: the commands typed at the prompt, earlier sessions' included (the history file), never a line
 * that held the API key ({@link SecretFilteringHistory}). Stands in for Spring Shell 4.0.1's (turned off in
 * application.properties), whose description offers to save the list to a file through an option it does not
 * declare, so orgshell's parser refuses it.
 */
@Component
public class HistoryCommand implements Command {

    private final History history;

    public HistoryCommand(History history) {
        this.history = history;
    }

    @Override
    public String getName() {
        return "history";
    }

    @Override
    public String getDescription() {
        return "List the commands typed at the interactive prompt, oldest first, earlier sessions' included";
    }

    @Override
    public String getGroup() {
        return CommandHelp.BUILT_IN;
    }

    @Override
    public ExitStatus execute(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        history.forEach(entry -> out.println(entry.line()));
        out.flush();
        return ExitStatus.OK;
    }
}
