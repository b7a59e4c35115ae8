package io.orgshell.api;

import io.orgshell.config.OrgShellProperties;
import java.net.URI;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds the client for a connection from the configured timeouts and retry bounds; logs retries at debug level. */
@Component
public class ApiClientFactory {

    private static final Log log = LogFactory.getLog(ApiClientFactory.class);

    private final OrgShellProperties properties;
    private final JsonMapper json;

    public ApiClientFactory(OrgShellProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public AdminApiClient create(URI baseUrl, String orgId, ApiKey key) {
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
        RetryPolicy retry = new RetryPolicy(settings.retry(), event -> {
            if (log.isDebugEnabled()) {
                log.debug("retry " + event.attempt() + " of " + event.request() + " in "
                        + event.delay().toMillis() + " ms after "
                        + event.cause().getMessage());
            }
        });
        return new AdminApiClient(new ApiTransport(settings, key, json, retry));
    }
}
