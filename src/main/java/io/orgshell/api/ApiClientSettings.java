package io.orgshell.api;

import io.orgshell.core.UsageException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how the client talks: the base URL the paths are appended to, the org, timeouts (the longest silence
 * within an answer, and the longest a whole answer may take) and retry bounds.
 * A non-loopback {@code http://} base URL is refused here, before any request can carry the key in clear text.
 */
public record ApiClientSettings(
        URI baseUrl,
        String orgId,
        Duration connectTimeout,
        Duration readTimeout,
        Duration responseDeadline,
        RetrySettings retry,
        int searchBatch,
        boolean lookUpAccounts) {

    /**
     * Accounts named in one v2 search ({@code accountIds} or {@code emails}). The contract gives no bound for v2; v1
     * search caps its lists at 100, so 100 is both the default and the most allowed.
     */
    public static final int MAX_SEARCH_BATCH = 100;

    public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxWait) {

        public static RetrySettings defaults() {
            return new RetrySettings(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120));
        }
    }

    public ApiClientSettings {
        baseUrl = checkBaseUrl(baseUrl);
        if (searchBatch < 1 || searchBatch > MAX_SEARCH_BATCH) {
            throw new UsageException(
                    "orgshell.search.batch-size must be 1.." + MAX_SEARCH_BATCH + ", not " + searchBatch);
        }
    }

    public static URI checkBaseUrl(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new UsageException("the base URL '" + url + "' is not an absolute http(s) URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new UsageException("refusing the plain-http base URL " + url
                    + ": the API key would travel unencrypted; use https:// (http:// is allowed for loopback only)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("the base URL '" + url + "' must start with https://");
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
