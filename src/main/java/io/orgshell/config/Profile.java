package io.orgshell.config;

import java.net.URI;

/**
 * One named organization in the user's config file. The key, when present, is only ever turned into an ApiKey.
 * {@code proxy}: a proxy URL or {@code none}; {@code extraCaCerts}: a PEM file of CAs to trust besides Java's.
 */
public record Profile(
        String name, String orgId, URI baseUrl, char[] apiKey, String accountId, String proxy, String extraCaCerts) {

    public boolean hasApiKey() {
        return apiKey != null && apiKey.length > 0;
    }

    @Override
    public String toString() {
        return "Profile[" + name + ", org " + orgId + (hasApiKey() ? ", key stored" : "") + "]";
    }
}
