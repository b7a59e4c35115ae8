package io.orgshell.api;

import io.orgshell.config.OrgShellProperties;
import io.orgshell.config.Profile;
import io.orgshell.core.UserHome;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the client for a connection from the configured timeouts and retry bounds, the proxy
 * ({@link ProxyChoice}) and the CAs to trust; logs retries at debug level.
 */
@Component
public class ApiClientFactory {

    /** A PEM bundle of CA certificates trusted besides Java's own, as Node's {@code NODE_EXTRA_CA_CERTS}. */
    public static final String ENV_EXTRA_CA_CERTS = "ORGSHELL_EXTRA_CA_CERTS";

    private static final Log log = LogFactory.getLog(ApiClientFactory.class);

    private final OrgShellProperties properties;
    private final JsonMapper json;
    private final Map<String, String> env;
    private final Properties system;

    @Autowired
    public ApiClientFactory(OrgShellProperties properties, JsonMapper json) {
        this(properties, json, System.getenv(), System.getProperties());
    }

    /** With the environment and Java system properties given (the proxy and CA settings are read from them). */
    public ApiClientFactory(
            OrgShellProperties properties, JsonMapper json, Map<String, String> env, Properties system) {
        this.properties = properties;
        this.json = json;
        this.env = Map.copyOf(env);
        this.system = system;
    }

    /** @param profile the profile in use (its proxy and CA settings), null for none */
    public AdminApiClient create(URI baseUrl, String orgId, ApiKey key, Profile profile) {
        OrgShellProperties.Retry r = properties.retry();
        var settings = new ApiClientSettings(
                baseUrl,
                orgId,
                properties.connectTimeout(),
                properties.readTimeout(),
                properties.responseDeadline(),
                new ApiClientSettings.RetrySettings(r.maxRetries(), r.initialBackoff(), r.maxBackoff(), r.maxWait()),
                properties.search().batchSize(),
                properties.search().lookUp());
        ProxyChoice proxy = ProxyChoice.resolve(
                settings.baseUrl(),
                profile == null ? null : profile.proxy(),
                profile == null ? null : profile.name(),
                env,
                system);
        var tls = settings.baseUrl().getScheme().equalsIgnoreCase("https") ? TlsTrust.trust(extraCas(profile)) : null;
        RetryPolicy retry = new RetryPolicy(settings.retry(), event -> {
            if (log.isDebugEnabled()) {
                log.debug("retry " + event.attempt() + " of " + event.request() + " in "
                        + event.delay().toMillis() + " ms after "
                        + event.cause().getMessage());
            }
        });
        return new AdminApiClient(new ApiTransport(settings, key, json, retry, proxy, tls));
    }

    /**
     * How a client for {@code baseUrl} would travel ("direct", or the proxy without its credentials), for
     * {@code status} before a connection is open; a malformed proxy setting throws as {@link #create} would.
     */
    public String route(URI baseUrl, Profile profile) {
        return ProxyChoice.resolve(
                        ApiClientSettings.checkBaseUrl(baseUrl),
                        profile == null ? null : profile.proxy(),
                        profile == null ? null : profile.name(),
                        env,
                        system)
                .toString();
    }

    /** Both add: the environment's bundle and the profile's, each on top of Java's own trust. */
    private List<TlsTrust.Source> extraCas(Profile profile) {
        UserHome home = new UserHome(env, system.getProperty("user.home"));
        List<TlsTrust.Source> extras = new ArrayList<>();
        String fromEnv = env.get(ENV_EXTRA_CA_CERTS);
        if (fromEnv != null && !fromEnv.isBlank()) {
            extras.add(new TlsTrust.Source(ENV_EXTRA_CA_CERTS, Path.of(home.expand(fromEnv.strip()))));
        }
        if (profile != null
                && profile.extraCaCerts() != null
                && !profile.extraCaCerts().isBlank()) {
            extras.add(new TlsTrust.Source(
                    "extra-ca-certs of profile " + profile.name(),
                    Path.of(home.expand(profile.extraCaCerts().strip()))));
        }
        return extras;
    }
}
