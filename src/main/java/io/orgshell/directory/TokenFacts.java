package io.orgshell.directory;

import io.orgshell.api.ApiToken;
import java.time.Instant;

/**
 * One API token as a listing and a plan know it; a date the API did not give (or gave unreadably) is null.
 *
 * @param lastActive null when never used
 */
public record TokenFacts(
        String id,
        String accountId,
        String email,
        String label,
        String status,
        Instant created,
        Instant lastActive,
        Instant expires) {

    static TokenFacts of(ApiToken t) {
        ApiToken.Owner owner = t.user();
        return new TokenFacts(
                t.id(),
                owner == null ? null : owner.id(),
                owner == null ? null : owner.email(),
                t.label(),
                t.status(),
                AccountFacts.instant(t.createdAt()),
                AccountFacts.instant(t.lastActiveAt()),
                AccountFacts.instant(t.expiresAt()));
    }

    /**
     * Not used since {@code when}: last active before it, or never used and created before it. A token whose
     * creation date is not told and was never used is not counted: nothing says it is old.
     */
    public boolean unusedSince(Instant when) {
        return lastActive != null ? lastActive.isBefore(when) : created != null && created.isBefore(when);
    }

    public boolean createdBefore(Instant when) {
        return created != null && created.isBefore(when);
    }
}
