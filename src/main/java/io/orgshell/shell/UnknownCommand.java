package io.orgshell.shell;

import io.orgshell.core.UsageException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jline.utils.Levenshtein;
import org.springframework.shell.core.command.Command;

/**
 * The refusal of a line that names no command, with the names closest to what was typed ({@code dmains list}: did you
 * mean 'domains list'?). Names are compared word for word with as many words as were typed, so arguments after a
 * misspelt name ({@code usrs show 5b8}) do not count, and a first word alone ({@code usr}) is compared with first
 * words ({@code users}).
 */
final class UnknownCommand {

    private UnknownCommand() {}

    /** How far a name is from what was typed, and on how many of its words. */
    private record Near(int distance, int words) {}

    /** @param typed the words of the line before its first option, as the parser read them */
    static UsageException refusal(List<String> typed, Collection<Command> commands) {
        String line = String.join(" ", typed);
        List<String> closest = closest(typed, commands);
        if (closest.isEmpty()) {
            return new UsageException("unknown command '" + line + "' (type 'help' for the list)");
        }
        List<String> quoted = closest.stream().map(n -> "'" + n + "'").toList();
        String choices = quoted.size() == 1
                ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return new UsageException("unknown command '" + line + "' (did you mean " + choices + "?)");
    }

    /**
     * The names nearest to {@code typed} by edit distance (a swap of two letters counts one): one letter off for a
     * name of three letters, two for a longer one; at the same distance, names compared on more words
     * ({@code runs shwo}: 'runs show', not 'run'). Typed words that only start longer names ({@code users},
     * or {@code users lst}, whose first word is right) get those names.
     */
    private static List<String> closest(List<String> typed, Collection<Command> commands) {
        if (typed.isEmpty()) {
            return List.of();
        }
        TreeMap<Near, SortedSet<String>> byDistance = new TreeMap<>(Comparator.comparingInt(Near::distance)
                .thenComparing(Comparator.comparingInt(Near::words).reversed()));
        for (Command command : commands) {
            if (command.isHidden()) {
                continue;
            }
            List<String> words = Arrays.asList(command.getName().split(" "));
            int n = Math.min(words.size(), typed.size());
            String name = String.join(" ", words.subList(0, n));
            int distance = Levenshtein.distance(String.join(" ", typed.subList(0, n)), name);
            if (distance <= (name.length() <= 3 ? 1 : 2)) {
                byDistance
                        .computeIfAbsent(new Near(distance, n), d -> new TreeSet<>())
                        .add(name);
            }
        }
        if (!byDistance.isEmpty() && byDistance.firstKey().distance() > 0) {
            return List.copyOf(byDistance.firstEntry().getValue());
        }
        String group = byDistance.isEmpty() ? typed.get(0) : String.join(" ", typed);
        return commands.stream()
                .filter(c -> !c.isHidden() && c.getName().startsWith(group + " "))
                .map(Command::getName)
                .sorted()
                .toList();
    }
}
