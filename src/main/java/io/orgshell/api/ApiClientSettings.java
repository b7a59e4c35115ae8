package io.orgshell.api;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how the client talks: the base URL the paths are appended to, the org, timeouts and retry bounds.
 * A non-loopback {@code http://} base URL is refused here, before any request can carry the key in clear text.
 */
public record ApiClientSettings(URI baseUrl, String orgId, Duration connectTimeout, Duration readTimeout,
                                RetrySettings retry) {

    public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxWait) {

        public static RetrySettings defaults() {
            return new RetrySettings(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120));
        }
    }

    public ApiClientSettings {
        baseUrl = checkBaseUrl(baseUrl);
    }

    public static URI checkBaseUrl(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("the base URL '" + url + "' is not an absolute http(s) URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("refusing the plain-http base URL " + url
                    + ": the API key would travel unencrypted; use https:// (http:// is allowed for loopback only)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the base URL '" + url + "' must start with https://");
        }
        String s = url.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        // a literal address only: "127.example.com" is a name anyone can point anywhere
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("[::1]") || h.equals("::1");
    }
}
