package io.orgshell.sandbox;

/** One of the org's directories, as listed by the v2 directories endpoint (a centralized org has exactly one). */
public record SandboxDirectory(String id, String name) {}
