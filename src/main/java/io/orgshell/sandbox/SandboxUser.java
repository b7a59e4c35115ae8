package io.orgshell.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One Atlassian account known to the org, as an immutable snapshot. {@link SandboxOrg} swaps whole snapshots,
 * so a reader never sees a half-applied change.
 *
 * @param accountType       {@code atlassian} or {@code customer}
 * @param accountStatus     {@code active}, {@code inactive} (deactivated) or {@code closed}
 * @param managed           true when the email domain is a verified domain of the org (a "managed account")
 * @param idpSynced         true when the account is provisioned by an identity provider (SCIM): email and
 *                          profile can only change there
 * @param orgAdmin          holds the {@code atlassian/org-admin} platform role
 * @param deactivatedOn     when the account was deactivated, null while active
 * @param deletionScheduled when the account will be permanently deleted (14-day grace period), null if not pending
 */
public record SandboxUser(
        String accountId,
        String accountType,
        String name,
        String nickname,
        String email,
        String accountStatus,
        OrgAccess access,
        boolean managed,
        boolean idpSynced,
        boolean orgAdmin,
        String zoneinfo,
        String locale,
        String jobTitle,
        String department,
        String organization,
        String location,
        Instant addedToOrg,
        Instant deactivatedOn,
        Instant deletionScheduled,
        List<ProductAccess> productAccess) {

    public SandboxUser {
        productAccess = List.copyOf(productAccess);
    }

    public boolean active() {
        return "active".equals(accountStatus);
    }

    public boolean pendingDeletion() {
        return deletionScheduled != null;
    }

    /** The email's domain, lower-cased. */
    public String emailDomain() {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** Billable in the org: has product access that is not suspended or removed, on an active account. */
    public boolean accessBillable() {
        return access == OrgAccess.ACTIVE && active() && !productAccess.isEmpty();
    }

    /**
     * Whether the account signs in with two-step verification: about seven in ten, fixed by the account ID (so the
     * seeded random stream, and every other seeded fact, stays as it was).
     */
    public boolean mfaEnabled() {
        return Math.floorMod(accountId.hashCode() * 31 + 7, 10) < 7;
    }

    /** Most recent product activity, null if never active. */
    public Instant lastActive() {
        Instant last = null;
        for (ProductAccess p : productAccess) {
            if (p.lastActive() != null && (last == null || p.lastActive().isAfter(last))) last = p.lastActive();
        }
        return last;
    }

    public SandboxUser withEmail(String v) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                v,
                accountStatus,
                access,
                managed,
                idpSynced,
                orgAdmin,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivatedOn,
                deletionScheduled,
                productAccess);
    }

    public SandboxUser withAccess(OrgAccess v) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                accountStatus,
                v,
                managed,
                idpSynced,
                orgAdmin,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivatedOn,
                deletionScheduled,
                productAccess);
    }

    /** Account lifecycle: status plus the two dates that go with it. */
    public SandboxUser withLifecycle(String status, Instant deactivated, Instant deletion) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                status,
                access,
                managed,
                idpSynced,
                orgAdmin,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivated,
                deletion,
                productAccess);
    }

    public SandboxUser withProfile(
            String name,
            String nickname,
            String zoneinfo,
            String locale,
            String jobTitle,
            String department,
            String organization,
            String location) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                accountStatus,
                access,
                managed,
                idpSynced,
                orgAdmin,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivatedOn,
                deletionScheduled,
                productAccess);
    }

    public SandboxUser withProductAccess(List<ProductAccess> v) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                accountStatus,
                access,
                managed,
                idpSynced,
                orgAdmin,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivatedOn,
                deletionScheduled,
                v);
    }

    /** Granted or lost the org-admin role (a test playing another admin's change). */
    public SandboxUser withOrgAdmin(boolean v) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                accountStatus,
                access,
                managed,
                idpSynced,
                v,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivatedOn,
                deletionScheduled,
                productAccess);
    }

    /** Taken over by an identity provider, or released by it. */
    public SandboxUser withIdpSynced(boolean v) {
        return new SandboxUser(
                accountId,
                accountType,
                name,
                nickname,
                email,
                accountStatus,
                access,
                managed,
                v,
                orgAdmin,
                zoneinfo,
                locale,
                jobTitle,
                department,
                organization,
                location,
                addedToOrg,
                deactivatedOn,
                deletionScheduled,
                productAccess);
    }
}
