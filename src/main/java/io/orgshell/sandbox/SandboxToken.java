package io.orgshell.sandbox;

import java.time.Instant;

/**
 * One API token of a managed account, as the API access API lists it.
 *
 * @param status       {@code ALLOWED} or {@code BLOCKED}
 * @param lastActiveAt null when the token was never used
 */
public record SandboxToken(
        String id,
        String accountId,
        String label,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastActiveAt) {}
