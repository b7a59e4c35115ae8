package io.orgshell.shell;

import io.orgshell.core.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Replaces Spring Shell 4.0.1's parser, which splits on spaces only inside double quotes, treats boolean flags of
 * sub-commands ({@code domains list --all}) as missing a value, and silently ignores unknown options. This one
 * tokenises like a POSIX shell (single and double quotes, backslash), matches the longest registered command name,
 * and refuses an option the command does not declare.
 */
public class ShellCommandParser implements CommandParser {

    private final CommandRegistry registry;
    private final Map<String, Integer> positionalArguments;

    public ShellCommandParser(CommandRegistry registry, Map<String, Integer> positionalArguments) {
        this.registry = registry;
        this.positionalArguments = positionalArguments;
    }

    @Override
    public ParsedInput parse(String input) {
        List<String> words = tokenize(input);
        if (words.isEmpty()) {
            throw new UsageException("empty command");
        }
        int nameLength = 0;
        Command command = null;
        for (int n = words.size(); n >= 1; n--) {
            Command c = registry.getCommandByName(String.join(" ", words.subList(0, n)));
            if (c != null) {
                command = c;
                nameLength = n;
                break;
            }
        }
        ParsedInput.Builder b = ParsedInput.builder().commandName(words.get(0));
        if (command == null) {
            // let the executor list sub-commands ("users") or report an unknown command
            words.stream().skip(1).takeWhile(w -> !w.startsWith("-")).forEach(b::addSubCommand);
            return b.build();
        }
        words.subList(1, nameLength).forEach(b::addSubCommand);
        String name = String.join(" ", words.subList(0, nameLength));
        List<String> rest = words.subList(nameLength, words.size());
        int argumentIndex = 0;
        boolean onlyArguments = false;
        for (int i = 0; i < rest.size(); i++) {
            String word = rest.get(i);
            if (!onlyArguments && word.equals("--")) {
                onlyArguments = true;
                continue;
            }
            if (onlyArguments || !isOption(word)) {
                int allowed = positionalArguments.getOrDefault(name, Integer.MAX_VALUE);
                if (argumentIndex >= allowed) {
                    throw tooManyArguments(name, allowed, rest, word);
                }
                b.addArgument(new CommandArgument(argumentIndex++, word));
                continue;
            }
            String optionName = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            if (optionName.equals("--help") || optionName.equals("-h")) {
                b.addOption(CommandOption.with()
                        .shortName('h')
                        .longName("help")
                        .value("true")
                        .build());
                continue;
            }
            Command target = command;
            CommandOption declared = target.getOptions().stream()
                    .filter(o -> o.isOptionEqual(optionName))
                    .findFirst()
                    .orElseThrow(() -> unknownOption(name, optionName, target));
            String value;
            if (word.contains("=")) {
                value = word.substring(word.indexOf('=') + 1);
            } else if (isBoolean(declared)) {
                String next = i + 1 < rest.size() ? rest.get(i + 1) : null;
                value = "true".equalsIgnoreCase(next) || "false".equalsIgnoreCase(next) ? rest.get(++i) : "true";
            } else if (i + 1 < rest.size() && !isOption(rest.get(i + 1))) {
                value = rest.get(++i);
            } else {
                throw new UsageException("option " + optionName + " of '" + name + "' needs a value");
            }
            checkValue(declared, value);
            b.addOption(CommandOption.with()
                    .shortName(declared.shortName())
                    .longName(declared.longName())
                    .type(declared.type())
                    .value(value)
                    .build());
        }
        ParsedInput parsed = b.build();
        checkRequired(name, command, parsed);
        return parsed;
    }

    /** A required option left out is the user's to fix, said here rather than by the binding further on. */
    private static void checkRequired(String name, Command command, ParsedInput parsed) {
        if (parsed.options().stream().anyMatch(o -> "help".equals(o.longName()))) {
            return;
        }
        for (CommandOption o : command.getOptions()) {
            if (Boolean.TRUE.equals(o.required())
                    && parsed.options().stream().noneMatch(given -> o.longName().equals(given.longName()))) {
                throw new UsageException("'" + name + "' needs --" + o.longName() + " (see '" + name + " --help')");
            }
        }
    }

    private static UsageException tooManyArguments(String command, int allowed, List<String> rest, String extra) {
        if (allowed == 0) {
            return new UsageException("'" + command + "' takes no argument, and got '" + extra + "'");
        }
        String words =
                String.join(" ", rest.stream().takeWhile(w -> !isOption(w)).toList());
        return new UsageException("'" + command + "' takes " + (allowed == 1 ? "one argument" : allowed + " arguments")
                + ", and '" + extra + "' is one too many; to give a value with spaces, quote it: " + command + " \""
                + words + "\"");
    }

    /** Values are checked here, where the option's name is known, so every message reads the same way. */
    private static void checkValue(CommandOption option, String value) {
        Class<?> type = option.type();
        boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class;
        if (whole && !value.strip().matches("-?\\d{1,18}")) {
            throw new UsageException("--" + option.longName() + ": '" + value + "' is not a number");
        }
        if (whole
                && (type == Integer.class || type == int.class)
                && Long.parseLong(value.strip()) > Integer.MAX_VALUE) {
            throw new UsageException("--" + option.longName() + ": '" + value + "' is too large");
        }
    }

    private static boolean isOption(String word) {
        return word.length() > 1 && word.startsWith("-") && !Character.isDigit(word.charAt(1));
    }

    private static boolean isBoolean(CommandOption option) {
        return option.type() == boolean.class || option.type() == Boolean.class;
    }

    private static UsageException unknownOption(String command, String option, Command c) {
        List<String> known =
                c.getOptions().stream().map(o -> "--" + o.longName()).toList();
        return new UsageException("unknown option " + option + " for '" + command + "'"
                + (known.isEmpty() ? " (it takes none)" : " (options: " + String.join(", ", known) + ")"));
    }

    /** Splits like a POSIX shell: quotes group, backslash escapes outside single quotes. */
    public static List<String> tokenize(String input) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\'
                        && quote == '"'
                        && i + 1 < input.length()
                        && (input.charAt(i + 1) == '"' || input.charAt(i + 1) == '\\')) {
                    current.append(input.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < input.length()) {
                current.append(input.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unclosed " + (quote == '"' ? "double" : "single") + " quote");
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }
}
