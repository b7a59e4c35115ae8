package io.orgshell.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Spring Shell 4.0.1's completer takes every word before the first option as the command name, so a positional
 * argument ({@code users show 5b8<TAB>}) is never completed. This one matches the longest registered command name,
 * then offers the option being completed, the command's own proposals, and the remaining option names.
 */
public class ShellCompleter extends CommandCompleter {

    private final CommandRegistry registry;

    public ShellCompleter(CommandRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        Command command = null;
        int nameLength = 0;
        // the word under the cursor is never part of the name: "users sh<TAB>" still completes the command name
        for (int n = Math.min(words.size() - 1, line.wordIndex()); n >= 1; n--) {
            Command c = registry.getCommandByName(String.join(" ", words.subList(0, n)));
            if (c != null) {
                command = c;
                nameLength = n;
                break;
            }
        }
        if (command == null) {
            super.complete(reader, line, candidates);
            return;
        }
        String current = line.word();
        String previous = line.wordIndex() > 0 ? words.get(line.wordIndex() - 1) : "";
        CommandOption option = null;
        if (line.wordIndex() > nameLength && previous.startsWith("-")) {
            option = command.getOptions().stream()
                    .filter(o -> o.isOptionEqual(previous))
                    .findFirst()
                    .filter(o -> o.type() != boolean.class && o.type() != Boolean.class)
                    .orElse(null);
        }
        if (option == null && (current.isEmpty() || current.startsWith("-"))) {
            for (CommandOption o : command.getOptions()) {
                if (!line.line().contains("--" + o.longName() + " ")
                        && !line.line().contains("--" + o.longName() + "=")) {
                    candidates.add(new Candidate(
                            "--" + o.longName(), "--" + o.longName(), null, o.description(), null, null, true));
                }
            }
        }
        var context = new CompletionContext(words, line.wordIndex(), line.wordCursor(), command, option);
        for (CompletionProposal p : command.getCompletionProvider().apply(context)) {
            candidates.add(
                    new Candidate(p.value(), p.displayText(), p.category(), p.description(), null, null, p.complete()));
        }
    }
}
