package io.orgshell.plan;

import io.orgshell.api.DirectoryUser;
import io.orgshell.api.ManagedUser;

/**
 * What preview and the run need to know of one account, from whichever listing the org answered. {@code synced}
 * and {@code orgAdmin} are null when the listing cannot tell (the v1 fallback).
 */
public record AccountState(String accountId, String email, boolean managed, Boolean synced, Boolean orgAdmin,
                           String accountStatus) {

    public static AccountState of(DirectoryUser u) {
        boolean managed = u.claimStatus() == null || "managed".equalsIgnoreCase(u.claimStatus());
        return new AccountState(u.accountId(), u.email(), managed, u.isSynced(), u.isOrgAdmin(), u.accountStatus());
    }

    public static AccountState of(ManagedUser u) {
        return new AccountState(u.accountId(), u.email(), true, null, null, u.accountStatus());
    }
}
