package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An API token of a managed account as the API access API lists it ({@code ApiTokenSearchResponse.data[]}): dates
 * ISO-8601, {@code lastActiveAt} absent or null when never used, {@code status} {@code ALLOWED} or (per a
 * third-party client) {@code BLOCKED}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiToken(
        String id, String label, String status, String createdAt, String expiresAt, String lastActiveAt, Owner user) {

    /** The account the token belongs to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Owner(String id, String orgId, String name, String email) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<ApiToken> data, Links links) implements ListPage {}
}
