package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A domain of the organization; {@code claim.status} is kept as a string because the API may add values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Domain(String id, String type, Attributes attributes) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(String name, Claim claim) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Claim(String type, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Domain> data, Links links) implements ListPage {}

    public String name() {
        return attributes == null ? null : attributes.name();
    }

    public String status() {
        return attributes == null || attributes.claim() == null
                ? null
                : attributes.claim().status();
    }

    public String verificationType() {
        return attributes == null || attributes.claim() == null
                ? null
                : attributes.claim().type();
    }

    public boolean isVerified() {
        return "verified".equalsIgnoreCase(status());
    }
}
