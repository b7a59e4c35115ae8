package io.orgshell.sandbox;

/** A user's access to the org's products, as set by the directory (suspend / restore / remove) endpoints. */
public enum OrgAccess {
    ACTIVE,
    /** Access suspended; group memberships are kept so a restore brings everything back. */
    SUSPENDED,
    /** Removed from the org directory; group memberships are gone and a restore cannot bring the user back. */
    REMOVED
}
