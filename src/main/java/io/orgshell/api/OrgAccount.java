package io.orgshell.api;

/**
 * An account as one of the org's listings or reads describes it: a v2 directory user, a v1 managed account, or the
 * profile read of the user management API. Only what all three tell is here; the rest is in the type itself.
 */
public sealed interface OrgAccount permits DirectoryUser, ManagedUser, UserProfile.Account {

    String accountId();

    String email();

    String name();

    String accountStatus();
}
