package io.orgshell.sandbox;

/**
 * A group of one of the org's directories. Memberships live in {@link SandboxOrg}, so this stays immutable.
 *
 * @param scimSynced  true for a group pushed by an identity provider: its memberships cannot be changed via the API
 * @param directoryId the directory the group is in: only accounts of that directory can be its members
 */
public record SandboxGroup(String id, String name, String description, boolean scimSynced, String directoryId) {}
