package io.orgshell.command;

import io.orgshell.core.UsageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/** The selection options {@code plan} and {@code users export} share: their help texts, and how values are split. */
final class SelectionOptions {

    static final String COMPLETION = "selectionCompletion";
    static final String DOMAIN = "only accounts at these email domains (comma-separated, or the option repeated)";
    static final String STATUS = "only these account statuses, comma-separated: active, inactive, closed";
    static final String ACCESS = "only accounts whose org access is active, or suspended";
    static final String GROUP = "only members of this group (name or ID)";
    static final String MANAGED = "only managed accounts (on a verified domain of the org)";
    static final String UNMANAGED = "only accounts the org does not manage";
    static final String IDP = "only accounts synced from an identity provider";
    static final String NO_IDP = "only accounts not synced from an identity provider";
    static final String INACTIVE_SINCE = "only accounts with no product activity since then: 90d, or a date "
            + "such as 2026-06-01 (never active: counted from when they joined the org)";

    private SelectionOptions() {}

    /** Options a command may be given more than once; every other option given twice is an error. */
    private static final Set<String> REPEATABLE = Set.of("domain");

    /**
     * Every {@code --domain} given (the binding keeps only the first of a repeated option), after refusing any other
     * option given twice, which would otherwise lose a value silently.
     */
    static List<String> domains(CommandContext ctx) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> domains = new ArrayList<>();
        for (CommandOption o : ctx.parsedInput().options()) {
            String name = o.longName();
            if (name == null) {
                continue;
            }
            if (seen.merge(name, 1, Integer::sum) == 2 && !REPEATABLE.contains(name)) {
                throw new UsageException("--" + name + " is given twice; give it once (a list is comma-separated)");
            }
            if (REPEATABLE.contains(name) && o.value() != null) {
                domains.add(o.value());
            }
        }
        return domains.isEmpty() ? null : domains;
    }
}
