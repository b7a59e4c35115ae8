package io.orgshell.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.stereotype.Component;

/**
 * {@code COMMAND --help} and {@code help COMMAND}: the description, a usage line, each positional argument and each
 * option with its description, default and allowed values ({@link AllowedValues}), folded to 80 columns. Spring
 * Shell 4.0.1's command model does not describe positional arguments, so they are read from the command methods
 * ({@link CommandClasses#arguments()}).
 */
@Component
public class CommandHelp {

    static final int WIDTH = 80;
    private static final int NAME_COLUMN = 26;
    private static final int LIST_COLUMN = 17;
    static final String BUILT_IN = "Built-In Commands";
    static final String QUIT = "Leave the shell (Ctrl-D does too)";
    private static final String NL = System.lineSeparator();

    private final Map<String, List<CommandClasses.PositionalArgument>> arguments;

    public CommandHelp(CommandClasses commands) {
        Map<String, List<CommandClasses.PositionalArgument>> all = new HashMap<>(commands.arguments());
        all.put(HelpCommand.NAME, List.of(HelpCommand.COMMAND));
        this.arguments = Map.copyOf(all);
    }

    /** {@code help}: the commands by group, each with its description, folded to {@link #WIDTH}. */
    public String list(Collection<Command> commands) {
        Map<String, List<Command>> groups = new TreeMap<>();
        commands.stream()
                .filter(c -> !c.isHidden())
                .forEach(c -> groups.computeIfAbsent(c.getGroup(), g -> new ArrayList<>())
                        .add(c));
        StringBuilder sb = new StringBuilder();
        groups.forEach((group, members) -> {
            sb.append(group).append(NL);
            members.stream().sorted(Comparator.comparing(Command::getName)).forEach(c -> {
                List<String> names = new ArrayList<>(List.of(c.getName()));
                names.addAll(c.getAliases());
                entry(sb, String.join(", ", names), c.getDescription(), List.of(), LIST_COLUMN);
            });
            if (BUILT_IN.equals(group)) {
                // read by the REPL and the script runner themselves, so no command is registered for them
                entry(sb, "quit, exit", QUIT, List.of(), LIST_COLUMN);
            }
        });
        return sb.toString().stripTrailing();
    }

    public String usage(Command command) {
        List<CommandClasses.PositionalArgument> positional = arguments.getOrDefault(command.getName(), List.of());
        StringBuilder sb = new StringBuilder();
        String title = command.getName() + (command.getDescription().isBlank() ? "" : " - " + command.getDescription());
        fold(sb, title, "", "    ");
        if (!command.getHelp().isBlank() && !command.getHelp().equals(springShellHelp(command))) {
            fold(sb, command.getHelp(), "", "");
        }
        StringBuilder synopsis = new StringBuilder(command.getName());
        positional.forEach(a -> synopsis.append(' ').append(a.optional() ? "[" + a.name() + "]" : a.name()));
        for (CommandOption o : command.getOptions()) {
            String option = "--" + o.longName() + (isFlag(o) ? "" : " " + placeholder(o));
            synopsis.append(' ').append(Boolean.TRUE.equals(o.required()) ? option : "[" + option + "]");
        }
        fold(sb, "Usage: " + synopsis, "", "         ");
        if (!positional.isEmpty()) {
            sb.append("Arguments:").append(NL);
            for (CommandClasses.PositionalArgument a : positional) {
                entry(sb, a.name(), a.description(), AllowedValues.of(a.name().toLowerCase(Locale.ROOT)), NAME_COLUMN);
            }
        }
        if (!command.getOptions().isEmpty()) {
            sb.append("Options:").append(NL);
            for (CommandOption o : command.getOptions()) {
                String text = o.description() == null ? "" : o.description();
                if (Boolean.TRUE.equals(o.required())) {
                    text += " (required)";
                } else if (o.defaultValue() != null && !o.defaultValue().isEmpty()) {
                    text += " (default " + o.defaultValue() + ")";
                }
                String names = "--" + o.longName() + (o.shortName() != ' ' ? ", -" + o.shortName() : "")
                        + (isFlag(o) ? "" : " " + placeholder(o));
                entry(sb, names, text, AllowedValues.of(o.longName()), NAME_COLUMN);
            }
        }
        return sb.toString().stripTrailing();
    }

    /** What Spring Shell's {@code Command.getHelp()} answers when a command has no help text: its description again. */
    private static String springShellHelp(Command command) {
        return command.getName() + "(" + String.join(", ", command.getAliases()) + "): " + command.getDescription();
    }

    private static void entry(StringBuilder sb, String names, String text, List<String> values, int column) {
        String pad = " ".repeat(column);
        String head = "  " + names;
        String body =
                text + (values.isEmpty() ? "" : (text.isBlank() ? "" : "; ") + "one of: " + String.join(", ", values));
        if (head.length() >= column - 1) {
            sb.append(head).append(NL);
            fold(sb, body, pad, pad);
        } else {
            fold(sb, body, head + " ".repeat(column - head.length()), pad);
        }
    }

    /** Word-wraps {@code text} to {@link #WIDTH}: the first line after {@code first}, the others after {@code rest}. */
    static void fold(StringBuilder sb, String text, String first, String rest) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                sb.append(line).append(NL);
                line = new StringBuilder(rest);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        sb.append(line).append(NL);
    }

    private static boolean isFlag(CommandOption o) {
        return o.type() == boolean.class || o.type() == Boolean.class;
    }

    private static String placeholder(CommandOption o) {
        Class<?> t = o.type();
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "N";
        }
        return AllowedValues.of(o.longName()).isEmpty() ? "VALUE" : o.longName().toUpperCase(Locale.ROOT);
    }
}
