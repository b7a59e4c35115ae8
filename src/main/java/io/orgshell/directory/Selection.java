package io.orgshell.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which accounts a {@code plan} or a {@code users export} is about. Every part is optional and all given parts must
 * hold; within a part, any value does. That a domain or a group exists is {@link SelectionService}'s to check.
 *
 * @param domains       email domains, lower-case (any of them); empty for any domain
 * @param statuses      account statuses (any of them); empty for any status
 * @param access        org access (any of them); empty for either
 * @param group         a group's name or ID; null for any
 * @param inactiveSince no product activity since then (an account never active counts from when it joined the org);
 *                      null for any activity
 * @param mfa           two-step verification on or off (v2 {@code mfaEnabled}); an account whose answer does not
 *                      tell is not selected by either
 * @param addedBefore   joined the org before then ({@code addedToOrg}); null for any
 */
public record Selection(
        Set<String> domains,
        Set<Status> statuses,
        Set<Access> access,
        String group,
        Management management,
        IdpSync idp,
        Instant inactiveSince,
        Mfa mfa,
        Instant addedBefore) {

    /** Whether the account uses two-step verification. */
    public enum Mfa {
        ANY,
        ENABLED,
        DISABLED
    }

    /** An account's status, as the org names it. */
    public enum Status {
        ACTIVE,
        INACTIVE,
        CLOSED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An account's access to the org, as the org names it. */
    public enum Access {
        ACTIVE,
        SUSPENDED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the org manages the account (it is on a verified domain of the org). */
    public enum Management {
        ANY,
        MANAGED,
        UNMANAGED
    }

    /** Whether an identity provider syncs the account. */
    public enum IdpSync {
        ANY,
        SYNCED,
        NOT_SYNCED
    }

    public Selection {
        domains =
                Set.copyOf(domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
        statuses = Set.copyOf(statuses);
        access = Set.copyOf(access);
        mfa = mfa == null ? Mfa.ANY : mfa;
        if (group != null && group.isBlank()) {
            throw new IllegalArgumentException("a group's name or ID cannot be blank");
        }
    }

    public static Selection everything() {
        return new Selection(Set.of(), Set.of(), Set.of(), null, Management.ANY, IdpSync.ANY, null, Mfa.ANY, null);
    }

    public boolean isEverything() {
        return equals(everything());
    }

    /** The same selection without {@code --inactive-since}: a plan that judges activity by one product does it. */
    public Selection withoutInactivity() {
        return new Selection(domains, statuses, access, group, management, idp, null, mfa, addedBefore);
    }

    /** The same selection, limited to one domain (a domain move takes the accounts at its old domain). */
    public Selection atDomain(String domain) {
        return new Selection(Set.of(domain), statuses, access, group, management, idp, inactiveSince, mfa, addedBefore);
    }

    /** Whether an account's facts meet every part; facts the listing did not tell count as not meeting it. */
    public boolean matches(AccountFacts a, String groupId) {
        if (!domains.isEmpty() && (a.emailDomain() == null || !domains.contains(a.emailDomain()))) {
            return false;
        }
        if (!statuses.isEmpty()
                && statuses.stream().noneMatch(s -> s.label().equalsIgnoreCase(String.valueOf(a.accountStatus())))) {
            return false;
        }
        if (!access.isEmpty() && access.stream().noneMatch(s -> s.label().equals(a.access()))) {
            return false;
        }
        if (management != Management.ANY
                && !Boolean.valueOf(management == Management.MANAGED).equals(a.managed())) {
            return false;
        }
        if (idp != IdpSync.ANY && !Boolean.valueOf(idp == IdpSync.SYNCED).equals(a.idp())) {
            return false;
        }
        if (groupId != null && (a.groupIds() == null || !a.groupIds().contains(groupId))) {
            return false;
        }
        if (mfa != Mfa.ANY && !Boolean.valueOf(mfa == Mfa.ENABLED).equals(a.mfa())) {
            return false;
        }
        if (addedBefore != null && !a.addedBefore(addedBefore)) {
            return false;
        }
        return inactiveSince == null || a.inactiveSince(inactiveSince);
    }

    /** The account statuses, as the org's search names them. */
    public Set<String> statusLabels() {
        return Set.copyOf(statuses.stream().map(Status::label).toList());
    }

    /** The org access, as the org's search names it. */
    public Set<String> accessLabels() {
        return Set.copyOf(access.stream().map(Access::label).toList());
    }

    /** For the line that says what matched: {@code domain acme.example, status active, inactive since 2026-09-04}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!domains.isEmpty()) {
            parts.add("domain " + String.join(" or ", domains.stream().sorted().toList()));
        }
        if (!statuses.isEmpty()) {
            parts.add("status "
                    + String.join(
                            " or ",
                            statuses.stream()
                                    .sorted(Comparator.naturalOrder())
                                    .map(Status::label)
                                    .toList()));
        }
        if (!access.isEmpty()) {
            parts.add("access "
                    + String.join(
                            " or ",
                            access.stream()
                                    .sorted(Comparator.naturalOrder())
                                    .map(Access::label)
                                    .toList()));
        }
        if (group != null) {
            parts.add("group " + group);
        }
        if (management != Management.ANY) {
            parts.add(management == Management.MANAGED ? "managed" : "unmanaged");
        }
        if (idp != IdpSync.ANY) {
            parts.add(idp == IdpSync.SYNCED ? "IdP-synced" : "not IdP-synced");
        }
        if (inactiveSince != null) {
            parts.add("inactive since " + LocalDate.ofInstant(inactiveSince, ZoneOffset.UTC));
        }
        if (mfa != Mfa.ANY) {
            parts.add(mfa == Mfa.ENABLED ? "MFA enabled" : "MFA disabled");
        }
        if (addedBefore != null) {
            parts.add("added before " + LocalDate.ofInstant(addedBefore, ZoneOffset.UTC));
        }
        return parts.isEmpty() ? "every account" : String.join(", ", parts);
    }
}
