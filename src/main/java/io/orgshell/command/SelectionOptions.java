package io.orgshell.command;

import io.orgshell.core.UsageException;
import io.orgshell.directory.Selection;
import io.orgshell.directory.Selection.Access;
import io.orgshell.directory.Selection.IdpSync;
import io.orgshell.directory.Selection.Management;
import io.orgshell.directory.Selection.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * The selection options {@code plan} and {@code users export} share, as typed: their names and help texts, and the
 * {@link Selection} they make, with one clear {@link UsageException} for the first thing wrong. Spring Shell binds
 * options to a command method's parameters, so each command declares them and hands them here unchanged.
 *
 * @param domains every {@code --domain} given, each a comma-separated list; null or empty for none
 */
record SelectionOptions(
        List<String> domains,
        String status,
        String access,
        String group,
        Boolean managed,
        Boolean unmanaged,
        Boolean idp,
        Boolean noIdp,
        String inactiveSince,
        String mfa,
        String addedBefore) {

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

    static final String MFA = "only accounts whose two-step verification is enabled, or disabled";
    static final String ADDED_BEFORE = "only accounts that joined the org before then: 30d, or a date such as "
            + "2026-06-01 (an account whose join date the org does not tell is left out)";

    /** The option names, for a message that lists them. */
    static final List<String> NAMES = List.of(
            "--domain",
            "--status",
            "--access",
            "--group",
            "--managed",
            "--unmanaged",
            "--idp",
            "--no-idp",
            "--inactive-since",
            "--mfa",
            "--added-before");

    /** Options a command may be given more than once; every other option given twice is an error. */
    private static final Set<String> REPEATABLE = Set.of("domain");

    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    /**
     * The selection a command's selection options make, as its method was given them; every {@code --domain} is read
     * from the command line, since the binding keeps only the first.
     */
    static Selection fromCommandLine(
            CommandContext ctx,
            Clock clock,
            String status,
            String access,
            String group,
            Boolean managed,
            Boolean unmanaged,
            Boolean idp,
            Boolean noIdp,
            String inactiveSince,
            String mfa,
            String addedBefore) {
        return new SelectionOptions(
                        domains(ctx),
                        status,
                        access,
                        group,
                        managed,
                        unmanaged,
                        idp,
                        noIdp,
                        inactiveSince,
                        mfa,
                        addedBefore)
                .selection(clock);
    }

    /** The selection these options make, {@code --inactive-since 90d} counted back from the clock's now. */
    Selection selection(Clock clock) {
        if (on(managed) && on(unmanaged)) {
            throw new UsageException("--managed and --unmanaged contradict each other: give one of them");
        }
        if (on(idp) && on(noIdp)) {
            throw new UsageException("--idp and --no-idp contradict each other: give one of them");
        }
        String g = group == null ? null : group.strip();
        if (g != null && g.isEmpty()) {
            throw new UsageException("--group needs a group name or ID");
        }
        return new Selection(
                domainNames(),
                statuses(),
                accessValues(),
                g,
                on(managed) ? Management.MANAGED : on(unmanaged) ? Management.UNMANAGED : Management.ANY,
                on(idp) ? IdpSync.SYNCED : on(noIdp) ? IdpSync.NOT_SYNCED : IdpSync.ANY,
                since("--inactive-since", inactiveSince, clock),
                mfaValue(),
                since("--added-before", addedBefore, clock));
    }

    private Set<String> domainNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String value : domains == null ? List.<String>of() : domains) {
            for (String part : value.split(",")) {
                String name = part.strip().toLowerCase(Locale.ROOT);
                name = name.startsWith("@") ? name.substring(1) : name;
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        if (domains != null && !domains.isEmpty() && names.isEmpty()) {
            throw new UsageException("--domain needs a domain, such as --domain acme.example");
        }
        return names;
    }

    private Set<Status> statuses() {
        Set<Status> out = EnumSet.noneOf(Status.class);
        if (status != null && !status.isBlank()) {
            for (String part : status.split(",")) {
                out.add(Arrays.stream(Status.values())
                        .filter(s -> s.label().equalsIgnoreCase(part.strip()))
                        .findFirst()
                        .orElseThrow(() -> new UsageException("--status: unknown status '" + part.strip() + "' (use "
                                + String.join(", ", labels(Status.values())) + ")")));
            }
        }
        return out;
    }

    private Set<Access> accessValues() {
        if (access == null) {
            return Set.of();
        }
        return Set.of(Arrays.stream(Access.values())
                .filter(a -> a.label().equalsIgnoreCase(access.strip()))
                .findFirst()
                .orElseThrow(() -> new UsageException("--access: unknown access '" + access.strip() + "' (use "
                        + String.join(" or ", labels(Access.values())) + ")")));
    }

    private Selection.Mfa mfaValue() {
        if (mfa == null) {
            return Selection.Mfa.ANY;
        }
        return switch (mfa.strip().toLowerCase(Locale.ROOT)) {
            case "enabled", "on" -> Selection.Mfa.ENABLED;
            case "disabled", "off" -> Selection.Mfa.DISABLED;
            default -> throw new UsageException("--mfa: unknown value '" + mfa.strip() + "' (use enabled or disabled)");
        };
    }

    static Instant since(String text, Clock clock) {
        return since("--inactive-since", text, clock);
    }

    /** {@code 90d} (days before now) or {@code 2026-06-01} (the start of that day, UTC), for {@code option}. */
    static Instant since(String option, String text, Clock clock) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Instant now = clock.instant();
        Instant at;
        Matcher m = DAYS.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            at = now.minus(Duration.ofDays(Integer.parseInt(m.group(1))));
        } else {
            try {
                at = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new UsageException(
                        option + ": '" + t + "' is neither a number of days (90d) nor a date (2026-06-01)");
            }
        }
        if (at.isAfter(now)) {
            throw new UsageException(option + ": " + t + " is in the future");
        }
        return at;
    }

    private static List<String> labels(Status[] values) {
        return Arrays.stream(values).map(Status::label).toList();
    }

    private static List<String> labels(Access[] values) {
        return Arrays.stream(values).map(Access::label).toList();
    }

    private static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

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
