package io.orgshell.directory;

import io.orgshell.api.DirectoryUser;
import io.orgshell.api.ManagedUser;
import io.orgshell.api.OrgAccount;
import io.orgshell.core.UtcInstants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a selection and an export know of one account, from whichever listing told it. A null is "this listing does
 * not tell" (v1's managed list, which the export joins with v2, knows nothing of org access, admin role, IdP sync or
 * groups).
 *
 * @param access     {@code active} or {@code suspended} org access
 * @param products   each product the account has, with when it was last used there (null: not told)
 * @param lastActive the latest product activity; null when never active or not told
 * @param mfa        whether the account uses two-step verification (v2 {@code mfaEnabled}); null when not told
 */
public record AccountFacts(
        String accountId,
        String email,
        String name,
        String accountStatus,
        String accountType,
        Boolean accessBillable,
        String access,
        Boolean orgAdmin,
        Boolean idp,
        Boolean managed,
        Instant lastActive,
        Instant addedToOrg,
        Set<String> groupIds,
        List<Product> products,
        boolean activityKnown,
        Boolean mfa) {

    /** A product the account has; {@code lastActive} as the listing gave it. */
    public record Product(String key, String lastActive) {

        /** When it was last used, read as the account's own last activity is; null when never or unreadable. */
        public Instant lastActiveAt() {
            return instant(lastActive);
        }

        /** {@code key (last active)}, as the CSV export shows it. */
        public String describe() {
            return lastActive == null ? key : key + " (" + lastActive + ")";
        }
    }

    public static AccountFacts of(OrgAccount account) {
        if (account instanceof DirectoryUser u) {
            return of(u);
        }
        if (account instanceof ManagedUser u) {
            return of(u);
        }
        return new AccountFacts(
                account.accountId(),
                account.email(),
                account.name(),
                account.accountStatus(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                null);
    }

    static AccountFacts of(DirectoryUser u) {
        Instant last = null;
        List<Product> products = List.of();
        // no productAccess at all (the server left the expand out) says nothing of activity; an empty one: never
        boolean known = u.productAccess() != null;
        if (u.productAccess() != null) {
            products = u.productAccess().stream()
                    .map(p -> new Product(p.key(), p.lastActiveTimestamp()))
                    .toList();
            for (DirectoryUser.ProductActivity p : u.productAccess()) {
                Instant at = instant(p.lastActiveTimestamp());
                known &= at != null || blank(p.lastActiveTimestamp());
                last = later(last, at);
            }
        }
        return new AccountFacts(
                u.accountId(),
                u.email(),
                u.name(),
                u.accountStatus(),
                u.accountType(),
                null,
                // removed from the directory: neither active nor suspended there
                "no_membership".equalsIgnoreCase(u.membershipStatus())
                        ? null
                        : u.isSuspended() ? "suspended" : "active",
                u.isOrgAdmin(),
                u.isSynced(),
                u.claimStatus() == null ? null : "managed".equalsIgnoreCase(u.claimStatus()),
                last,
                instant(u.addedToOrg()),
                u.groups() == null
                        ? null
                        : u.groups().stream().map(DirectoryUser.GroupRef::id).collect(Collectors.toUnmodifiableSet()),
                products,
                known,
                u.mfaEnabled());
    }

    /** v1 lists managed accounts only. */
    static AccountFacts of(ManagedUser u) {
        Instant last = instant(u.lastActive());
        boolean known = told(u.lastActive());
        List<Product> products = List.of();
        if (u.productAccess() != null) {
            products = u.productAccess().stream()
                    .map(p -> new Product(p.key(), p.lastActive()))
                    .toList();
            for (ManagedUser.ProductAccess p : u.productAccess()) {
                Instant at = instant(p.lastActive());
                known &= at != null || blank(p.lastActive());
                last = later(last, at);
            }
        }
        return new AccountFacts(
                u.accountId(),
                u.email(),
                u.name(),
                u.accountStatus(),
                u.accountType(),
                u.accessBillable(),
                null,
                null,
                null,
                true,
                last,
                null,
                null,
                products,
                known,
                null);
    }

    /**
     * No product activity since {@code since}. An account never active counts from when it joined the org: someone
     * added yesterday who has not logged in yet is not inactive; where the join date is not told (v1), never active
     * is inactive.
     */
    public boolean inactiveSince(Instant since) {
        if (!activityKnown) {
            // a date that could not be read, or no activity data at all: not a reason to cut anyone off
            return false;
        }
        if (lastActive != null) {
            return lastActive.isBefore(since);
        }
        return addedToOrg == null || addedToOrg.isBefore(since);
    }

    /** Joined the org before {@code when}; an account whose join date is not told is not counted as such. */
    public boolean addedBefore(Instant when) {
        return addedToOrg != null && addedToOrg.isBefore(when);
    }

    public String emailDomain() {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Absent (never active in that product), or a date this class can read. */
    private static boolean told(String text) {
        return blank(text) || instant(text) != null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,14}");

    /**
     * A date-time, a bare date (v1 gives either) or epoch milliseconds; anything else is unknown rather than an error.
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant utc = UtcInstants.parse(text);
        if (utc != null) {
            return utc;
        }
        if (EPOCH_MILLIS.matcher(text.strip()).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(text.strip()));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
