package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Everything that shapes one sandbox org. Immutable; use the {@code withX} copies to vary one setting.
 *
 * @param port            TCP port on 127.0.0.1, 0 picks a free one
 * @param users           number of seeded accounts
 * @param seed            seed of all generated data and of the random fault sequence
 * @param ratePerSecond   requests per second allowed for the API key, 0 = unlimited
 * @param latencyMs       delay added to every API response
 * @param faultRate       probability (0..1) that an API request gets a random fault
 * @param apiKey          the only bearer key accepted
 * @param orgId           the org's ID; {@code null} means "derive from the seed" ({@link #orgIdForSeed})
 * @param pageSize        page size of {@code GET /admin/v1/orgs/{orgId}/users}
 * @param v2Enabled       false makes every {@code /admin/v2/...} path answer 404, as a proxy that allow-lists only
 *                        {@code /admin/v1} does
 * @param slowResponseMs  how late a "slow response" fault answers
 * @param retryAfterMode  how 429s carry {@code Retry-After}
 * @param hostileStrings  seed the org name, some display names, nicknames, emails and a group with terminal
 *                        escapes, C1 controls, bidi overrides and JLine prompt escapes ({@link HostileStrings})
 * @param legacyV1        serve the v1 user and group endpoints Atlassian retired after 2026-06-30 as they were;
 *                        false (the default) answers them as retired ({@link RetiredV1})
 * @param directories     how many directories the org has (the original user-management experience has several):
 *                        accounts and groups are spread over them in seed order
 * @param singleDomain    every account on {@code acme.example}, so the managed accounts sit on one verified domain
 *                        (the unmanaged ones of the seed move there too)
 */
public record SandboxConfig(
        int port,
        int users,
        long seed,
        double ratePerSecond,
        int latencyMs,
        double faultRate,
        String apiKey,
        String orgId,
        int pageSize,
        boolean v2Enabled,
        int slowResponseMs,
        RetryAfterMode retryAfterMode,
        boolean hostileStrings,
        boolean legacyV1,
        int directories,
        boolean singleDomain) {

    public static final long DEFAULT_SEED = 42L;
    /** Directories fit the one page of {@code GET .../directories} the sandbox answers. */
    public static final int MAX_DIRECTORIES = 50;

    public SandboxConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535: " + port);
        if (users < 1) throw new IllegalArgumentException("users must be at least 1: " + users);
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond))
            throw new IllegalArgumentException("rate must be >= 0: " + ratePerSecond);
        if (latencyMs < 0) throw new IllegalArgumentException("latency must be >= 0: " + latencyMs);
        if (!(faultRate >= 0 && faultRate <= 1))
            throw new IllegalArgumentException("fault rate must be 0..1: " + faultRate);
        if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("api key must not be empty");
        if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        if (slowResponseMs < 0) throw new IllegalArgumentException("slow response must be >= 0: " + slowResponseMs);
        if (retryAfterMode == null) throw new IllegalArgumentException("retry-after mode must be set");
        if (directories < 1 || directories > MAX_DIRECTORIES) {
            throw new IllegalArgumentException("directories must be 1.." + MAX_DIRECTORIES + ": " + directories);
        }
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig(
                0,
                3000,
                DEFAULT_SEED,
                0,
                0,
                0,
                "sandbox-api-key",
                orgIdForSeed(DEFAULT_SEED),
                100,
                true,
                30_000,
                RetryAfterMode.SECONDS,
                false,
                false,
                1,
                false);
    }

    /** The org ID used when none is configured: a name-based UUID, so the same seed always gives the same org. */
    public static String orgIdForSeed(long seed) {
        return UUID.nameUUIDFromBytes(("orgshell-sandbox-org:" + seed).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The org ID in force: the configured one, else the one derived from the seed. */
    public String effectiveOrgId() {
        return orgId != null ? orgId : orgIdForSeed(seed);
    }

    public SandboxConfig withPort(int v) {
        return new SandboxConfig(
                v,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withUsers(int v) {
        return new SandboxConfig(
                port,
                v,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withSeed(long v) {
        return new SandboxConfig(
                port,
                users,
                v,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withRatePerSecond(double v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                v,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withLatencyMs(int v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                v,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withFaultRate(double v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                v,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withApiKey(String v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                v,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withOrgId(String v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                v,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withPageSize(int v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                v,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withV2Enabled(boolean v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withSlowResponseMs(int v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                v,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withRetryAfterMode(RetryAfterMode v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                v,
                hostileStrings,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withHostileStrings(boolean v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                v,
                legacyV1,
                directories,
                singleDomain);
    }

    public SandboxConfig withLegacyV1(boolean v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                v,
                directories,
                singleDomain);
    }

    public SandboxConfig withDirectories(int v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                v,
                singleDomain);
    }

    /** Never print the key: records print every component by default. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", users=" + users + ", seed=" + seed + ", ratePerSecond=" + ratePerSecond
                + ", latencyMs=" + latencyMs + ", faultRate=" + faultRate + ", apiKey=***, orgId=" + orgId
                + ", pageSize=" + pageSize + ", v2Enabled=" + v2Enabled + ", slowResponseMs=" + slowResponseMs
                + ", retryAfterMode=" + retryAfterMode + ", hostileStrings=" + hostileStrings + ", legacyV1=" + legacyV1
                + ", directories=" + directories + "]";
    }

    public SandboxConfig withSingleDomain(boolean v) {
        return new SandboxConfig(
                port,
                users,
                seed,
                ratePerSecond,
                latencyMs,
                faultRate,
                apiKey,
                orgId,
                pageSize,
                v2Enabled,
                slowResponseMs,
                retryAfterMode,
                hostileStrings,
                legacyV1,
                directories,
                v);
    }
}
