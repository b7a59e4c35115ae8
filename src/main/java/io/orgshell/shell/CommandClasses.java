package io.orgshell.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;

/** The classes whose {@code @Command} methods the registry registers, listed by the application, not scanned. */
public record CommandClasses(List<Class<?>> types) {

    /**
     * How many positional arguments each command takes, by its name ({@code "users find"} → 1; a command with
     * {@code @Arguments} takes any number): Spring Shell 4.0.1's command model does not say, and a word too many
     * is a value that was meant to be quoted.
     */
    public Map<String, Integer> positionalArguments() {
        Map<String, Integer> counts = new HashMap<>();
        for (Class<?> type : types) {
            for (Method m : type.getDeclaredMethods()) {
                Command command = m.getAnnotation(Command.class);
                if (command == null) {
                    continue;
                }
                int n = 0;
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(Arguments.class)) {
                        n = Integer.MAX_VALUE;
                        break;
                    }
                    n += p.isAnnotationPresent(Argument.class) ? 1 : 0;
                }
                counts.put(String.join(" ", command.name()), n);
            }
        }
        return Map.copyOf(counts);
    }

    /**
     * A positional argument as help shows it: its name (the parameter's, in capitals), description, and whether it
     * may be left out, which its parameter says by being {@link Nullable}.
     */
    public record PositionalArgument(String name, String description, boolean optional) {}

    /** The positional arguments of each command, in order, by the command's name. */
    public Map<String, List<PositionalArgument>> arguments() {
        Map<String, List<PositionalArgument>> all = new HashMap<>();
        for (Class<?> type : types) {
            for (Method m : type.getDeclaredMethods()) {
                Command command = m.getAnnotation(Command.class);
                if (command == null) {
                    continue;
                }
                List<Parameter> positional = new ArrayList<>();
                for (Parameter p : m.getParameters()) {
                    if (p.isAnnotationPresent(Argument.class)) {
                        positional.add(p);
                    }
                }
                positional.sort(Comparator.comparingInt(
                        p -> p.getAnnotation(Argument.class).index()));
                all.put(
                        String.join(" ", command.name()),
                        positional.stream()
                                .map(p -> new PositionalArgument(
                                        displayName(p),
                                        p.getAnnotation(Argument.class).description(),
                                        p.getAnnotatedType().isAnnotationPresent(Nullable.class)))
                                .toList());
            }
        }
        return Map.copyOf(all);
    }

    /** {@code idOrEmail} → {@code ID_OR_EMAIL} (the build keeps parameter names: {@code -parameters}). */
    private static String displayName(Parameter p) {
        return p.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
