package io.orgshell.directory;

import io.orgshell.core.UsageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which accounts a {@code plan} or a {@code users export} is about. Every part is optional and all given parts must
 * hold. Checked here for what can be checked without the org (syntax, contradictions); that a domain or a group
 * exists is {@link SelectionService}'s to check.
 *
 * @param domains       email domains, lower-case (any of them)
 * @param statuses      account statuses: active, inactive, closed (any of them)
 * @param access        org access: active or suspended; null for either
 * @param group         a group's name or ID; null for any
 * @param managed       true: managed accounts only, false: unmanaged only, null: both
 * @param idp           true: IdP-synced only, false: not synced only, null: both
 * @param inactiveSince no product activity since then (an account never active counts from when it joined the org)
 */
public record Selection(
        Set<String> domains,
        Set<String> statuses,
        String access,
        String group,
        Boolean managed,
        Boolean idp,
        Instant inactiveSince) {

    public static final List<String> STATUSES = List.of("active", "inactive", "closed");
    public static final List<String> ACCESS = List.of("active", "suspended");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    public Selection {
        domains = Set.copyOf(domains);
        statuses = Set.copyOf(statuses);
    }

    public static Selection everything() {
        return new Selection(Set.of(), Set.of(), null, null, null, null, null);
    }

    /** From the options as typed; one clear {@link UsageException} for the first thing wrong. */
    public static Selection parse(
            List<String> domains,
            String statuses,
            String access,
            String group,
            boolean managed,
            boolean unmanaged,
            boolean idp,
            boolean noIdp,
            String inactiveSince,
            Clock clock) {
        if (managed && unmanaged) {
            throw new UsageException("--managed and --unmanaged contradict each other: give one of them");
        }
        if (idp && noIdp) {
            throw new UsageException("--idp and --no-idp contradict each other: give one of them");
        }
        Set<String> d = new LinkedHashSet<>();
        for (String value : domains == null ? List.<String>of() : domains) {
            for (String part : value.split(",")) {
                String name = part.strip().toLowerCase(Locale.ROOT);
                if (name.startsWith("@")) {
                    name = name.substring(1);
                }
                if (!name.isEmpty()) {
                    d.add(name);
                }
            }
        }
        if (domains != null && !domains.isEmpty() && d.isEmpty()) {
            throw new UsageException("--domain needs a domain, such as --domain acme.example");
        }
        Set<String> s = new LinkedHashSet<>();
        if (statuses != null && !statuses.isBlank()) {
            for (String part : statuses.split(",")) {
                String v = part.strip().toLowerCase(Locale.ROOT);
                if (!STATUSES.contains(v)) {
                    throw new UsageException("--status: unknown status '" + part.strip() + "' (use "
                            + String.join(", ", STATUSES) + ")");
                }
                s.add(v);
            }
        }
        String a = null;
        if (access != null) {
            a = access.strip().toLowerCase(Locale.ROOT);
            if (!ACCESS.contains(a)) {
                throw new UsageException("--access: unknown access '" + access.strip() + "' (use active or suspended)");
            }
        }
        String g = group == null ? null : group.strip();
        if (group != null && g.isEmpty()) {
            throw new UsageException("--group needs a group name or ID");
        }
        return new Selection(
                d,
                s,
                a,
                g,
                managed ? Boolean.TRUE : unmanaged ? Boolean.FALSE : null,
                idp ? Boolean.TRUE : noIdp ? Boolean.FALSE : null,
                since(inactiveSince, clock));
    }

    /** {@code 90d} (days before now) or {@code 2026-06-01} (the start of that day, UTC); not in the future. */
    static Instant since(String text, Clock clock) {
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
                        "--inactive-since: '" + t + "' is neither a number of days (90d) nor a " + "date (2026-06-01)");
            }
        }
        if (at.isAfter(now)) {
            throw new UsageException("--inactive-since: " + t + " is in the future");
        }
        return at;
    }

    public boolean isEverything() {
        return equals(everything());
    }

    /** The same selection, limited to one domain (a domain move takes the accounts at its old domain). */
    public Selection atDomain(String domain) {
        return new Selection(
                Set.of(domain.toLowerCase(Locale.ROOT)), statuses, access, group, managed, idp, inactiveSince);
    }

    /** Whether an account's facts meet every part; facts the listing did not tell count as not meeting it. */
    public boolean matches(AccountFacts a, String groupId) {
        if (!domains.isEmpty() && (a.emailDomain() == null || !domains.contains(a.emailDomain()))) {
            return false;
        }
        if (!statuses.isEmpty()
                && !statuses.contains(String.valueOf(a.accountStatus()).toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (access != null && !access.equals(a.access())) {
            return false;
        }
        if (managed != null && !managed.equals(a.managed())) {
            return false;
        }
        if (idp != null && !idp.equals(a.idp())) {
            return false;
        }
        if (groupId != null && (a.groupIds() == null || !a.groupIds().contains(groupId))) {
            return false;
        }
        return inactiveSince == null || a.inactiveSince(inactiveSince);
    }

    /** For the line that says what matched: {@code domain acme.example, status active, inactive since 2026-09-04}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!domains.isEmpty()) {
            parts.add("domain " + String.join(" or ", domains));
        }
        if (!statuses.isEmpty()) {
            parts.add("status " + String.join(" or ", statuses));
        }
        if (access != null) {
            parts.add("access " + access);
        }
        if (group != null) {
            parts.add("group " + group);
        }
        if (managed != null) {
            parts.add(managed ? "managed" : "unmanaged");
        }
        if (idp != null) {
            parts.add(idp ? "IdP-synced" : "not IdP-synced");
        }
        if (inactiveSince != null) {
            parts.add("inactive since " + LocalDate.ofInstant(inactiveSince, ZoneOffset.UTC));
        }
        return parts.isEmpty() ? "every account" : String.join(", ", parts);
    }
}
