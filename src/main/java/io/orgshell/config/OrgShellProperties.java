package io.orgshell.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code orgshell.*}: from {@code application.properties}, {@code -D} options or the environment
 * ({@code ORGSHELL_BASE_URL}, {@code ORGSHELL_CONFIG_DIR}, ...). The API key is deliberately not one of them: it is
 * read by {@link io.orgshell.session.CredentialResolver} so that it never sits in Spring's environment.
 * {@code read-timeout} bounds the silence between two reads of an answer, {@code response-deadline} the whole
 * answer: a server that trickles it, a few bytes within each read timeout, is cut off there.
 */
@ConfigurationProperties("orgshell")
public record OrgShellProperties(
        Path configDir,
        @DefaultValue(OrgShellProperties.DEFAULT_BASE_URL) URI baseUrl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("120s") Duration responseDeadline,
        @DefaultValue Retry retry,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Safety safety,
        @DefaultValue Search search,
        @DefaultValue Confirm confirm,
        @DefaultValue PolicyTasks policyTasks,
        @DefaultValue("true") boolean launcher) {

    /** Atlassian's API: where a key from the environment or a profile goes when nothing names another base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.atlassian.com";

    public record Retry(
            @DefaultValue("5") int maxRetries,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("120s") Duration maxWait) {}

    /** Destructive runs (deactivate, delete, remove) touching more than this share of the org need an override. */
    public record Safety(@DefaultValue("0.2") double maxFraction) {}

    /**
     * Lookups of named accounts: how many IDs or addresses one v2 search carries, and whether preview may look a
     * plan's accounts up at all ({@code look-up=false}: always one directory pass, as before lookups existed).
     */
    public record Search(
            @DefaultValue("100") int batchSize,
            @DefaultValue("true") boolean lookUp) {}

    /**
     * How long a run keeps reading back a write answered with success that the org does not show yet (Atlassian
     * documents role assignments as eventually consistent, up to 30 s) before it reports the row failed.
     */
    public record Confirm(@DefaultValue("30s") Duration maxWait) {}

    /**
     * Adding accounts to an authentication policy: how many addresses one add-users request carries, and how its
     * task is polled (the first pause, doubling up to the longest, and how long a run waits for one task before it
     * stops for resume).
     */
    public record PolicyTasks(
            @DefaultValue("100") int batchSize,
            @DefaultValue("1s") Duration firstPoll,
            @DefaultValue("15s") Duration maxPoll,
            @DefaultValue("10m") Duration maxWait) {}

    /** The embedded sandbox that {@code --sandbox} starts. */
    public record Sandbox(
            @DefaultValue("3000") int users,
            @DefaultValue("42") long seed,
            @DefaultValue("0") double rate,
            @DefaultValue("0") int latencyMs) {}
}
