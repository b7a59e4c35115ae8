package io.orgshell.sandbox;

/**
 * A group of the org's directory. Memberships live in {@link SandboxOrg}, so this stays immutable.
 *
 * @param scimSynced true for a group pushed by an identity provider: its memberships cannot be changed via the API
 */
public record SandboxGroup(String id, String name, String description, boolean scimSynced) {
}
