package io.orgshell.shell;

import io.orgshell.directory.Selection;
import io.orgshell.plan.DirectoryPlanner;
import io.orgshell.plan.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The options whose value comes from a fixed set, by option name, for {@code COMMAND --help} and for completion
 * alike. Each set is derived from where the program defines it, so help and Tab cannot drift from what is accepted.
 */
public final class AllowedValues {

    private static final Map<String, List<String>> BY_OPTION = Map.of(
            "op", Arrays.stream(Operation.values()).map(Operation::cliName).toList(),
            // plan's OPERATION: what can be built from the directory
            "operation",
                    DirectoryPlanner.OPERATIONS.stream().map(Operation::cliName).toList(),
            // the selection options of plan and users export
            "status",
                    Arrays.stream(Selection.Status.values())
                            .map(Selection.Status::label)
                            .toList(),
            "access",
                    Arrays.stream(Selection.Access.values())
                            .map(Selection.Access::label)
                            .toList(),
            "format", List.of("csv", "json"));

    private AllowedValues() {}

    /** The values of the option or argument of that name, or an empty list when any value goes. */
    public static List<String> of(String name) {
        return name == null ? List.of() : BY_OPTION.getOrDefault(name, List.of());
    }
}
