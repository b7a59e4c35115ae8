package io.orgshell.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
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
 * Tab at the prompt. A command name is completed one word at a time ({@code dom<TAB>} gives {@code domains}, then
 * {@code list}), as are the names after {@code help}: Spring Shell 4.0.1's completer offers the rest of a
 * multi-word name as one candidate, which the line editor then inserts with its space escaped ({@code domains\ list}).
 * After a command name it matches the longest registered name, as the parser does (4.0.1's takes every word before
 * the first option, so a positional argument such as {@code users show 5b8<TAB>} was never completed), then offers
 * the option being completed, the command's own proposals, and the remaining option names.
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
        int index = line.wordIndex();
        boolean afterHelp = index > 0 && words.get(0).equals(HelpCommand.NAME);
        if (afterHelp) {
            candidates.addAll(nameWords(words.subList(1, index)));
            return;
        }
        candidates.addAll(nameWords(words.subList(0, index)));
        if (index == 0) {
            // read by the REPL itself, so no command is registered for them
            candidates.add(new Candidate("quit", "quit", CommandHelp.BUILT_IN, CommandHelp.QUIT, null, null, true));
            candidates.add(new Candidate("exit", "exit", CommandHelp.BUILT_IN, CommandHelp.QUIT, null, null, true));
        }
        Command command = null;
        int nameLength = 0;
        // the word under the cursor is never part of the name: "users sh<TAB>" still completes the command name
        for (int n = Math.min(words.size() - 1, index); n >= 1; n--) {
            Command c = registry.getCommandByName(String.join(" ", words.subList(0, n)));
            if (c != null) {
                command = c;
                nameLength = n;
                break;
            }
        }
        if (command != null) {
            completeArguments(command, nameLength, line, candidates);
        }
    }

    /**
     * The words that can follow {@code typed} in a command name, each a whole word followed by a space; its
     * description is the command it completes, or the names that can follow it ({@code users}: export, find, show).
     */
    private List<Candidate> nameWords(List<String> typed) {
        Map<String, TreeSet<String>> following = new TreeMap<>();
        Map<String, Command> completes = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        for (Command command : registry.getCommands()) {
            if (command.isHidden()) {
                continue;
            }
            for (String name : names(command)) {
                List<String> parts = Arrays.asList(name.split(" "));
                if (parts.size() <= typed.size()
                        || !parts.subList(0, typed.size()).equals(typed)) {
                    continue;
                }
                String word = parts.get(typed.size());
                TreeSet<String> next = following.computeIfAbsent(word, w -> new TreeSet<>());
                groups.putIfAbsent(word, command.getGroup());
                if (parts.size() == typed.size() + 1) {
                    completes.put(word, command);
                } else {
                    next.add(parts.get(typed.size() + 1));
                }
            }
        }
        List<Candidate> words = new ArrayList<>();
        following.forEach((word, next) -> {
            Command command = completes.get(word);
            words.add(
                    command != null
                            ? new Candidate(word, word, command.getGroup(), command.getDescription(), null, null, true)
                            : new Candidate(word, word, groups.get(word), String.join(", ", next), null, null, true));
        });
        return words;
    }

    private static List<String> names(Command command) {
        return Stream.concat(Stream.of(command.getName()), command.getAliases().stream())
                .toList();
    }

    private static void completeArguments(
            Command command, int nameLength, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
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
