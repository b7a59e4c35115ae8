package io.orgshell.plan;

/**
 * How strict preview is: {@code serverCheck} adds the per-account permission check; {@code allowAdmins} lets org
 * admins through; the caller's own account is always protected when known.
 */
public record PreviewOptions(boolean serverCheck, boolean allowAdmins, String callerAccountId) {}
