package io.orgshell.sandbox;

/** The org's single (centralized user management) directory, as listed by the v2 directories endpoint. */
public record SandboxDirectory(String id, String name) {
}
