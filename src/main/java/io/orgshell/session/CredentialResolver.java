package io.orgshell.session;

import io.orgshell.api.ApiClientSettings;
import io.orgshell.api.ApiKey;
import io.orgshell.config.OrgShellProperties;
import io.orgshell.config.Profile;
import io.orgshell.config.ProfileStore;
import io.orgshell.core.Sanitizer;
import io.orgshell.core.UsageException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides which org, base URL and key a {@code connect} uses. Highest first: the command's options, the environment
 * ({@code ORGSHELL_ORG_ID}, {@code ORGSHELL_BASE_URL}, {@code ORGSHELL_API_KEY}), the named (or default) profile,
 * then a masked prompt for the key. The key is never taken from a command-line option.
 * <p>
 * A key belongs to a base URL: the environment's to {@code ORGSHELL_BASE_URL} (or the default), a profile's to its
 * {@code base-url} (or the default). Connecting to another scheme, host or port takes a key typed at the prompt; with
 * no prompt (a script, a pipe) it is refused before anything is sent.
 */
@Component
public class CredentialResolver {

    public static final String ENV_ORG_ID = "ORGSHELL_ORG_ID";
    public static final String ENV_BASE_URL = "ORGSHELL_BASE_URL";
    public static final String ENV_API_KEY = "ORGSHELL_API_KEY";

    /** {@code settings}: the profile in use (its proxy and CA settings), null when none is. */
    public record Resolved(
            String orgId,
            URI baseUrl,
            ApiKey key,
            String profile,
            String accountId,
            String keySource,
            Profile settings) {}

    private final ProfileStore profiles;
    private final OrgShellProperties properties;
    private final UnaryOperator<String> env;

    @Autowired
    public CredentialResolver(ProfileStore profiles, OrgShellProperties properties) {
        this(profiles, properties, System::getenv);
    }

    CredentialResolver(ProfileStore profiles, OrgShellProperties properties, UnaryOperator<String> env) {
        this.profiles = profiles;
        this.properties = properties;
        this.env = env;
    }

    /** True when the environment or a default profile is enough to connect without asking anything. */
    public boolean canConnectUnattended() {
        if (blank(env.apply(ENV_ORG_ID)) && profiles.defaultProfileName().isEmpty()) {
            return false;
        }
        return !blank(env.apply(ENV_API_KEY))
                || profiles.defaultProfileName()
                        .flatMap(profiles::find)
                        .map(Profile::hasApiKey)
                        .orElse(false);
    }

    public Resolved resolve(ConnectRequest request, SecretPrompt prompt) {
        Profile profile = profile(request.profile());
        String orgId = first(request.orgId(), env.apply(ENV_ORG_ID), profile == null ? null : profile.orgId());
        if (blank(orgId)) {
            throw new UsageException("no organization ID: give --org-id, set " + ENV_ORG_ID + ", or add a profile to "
                    + profiles.file());
        }
        orgId = orgId.trim();
        URI envBaseUrl = blank(env.apply(ENV_BASE_URL))
                ? null
                : envBaseUrl(env.apply(ENV_BASE_URL).trim());
        URI baseUrl =
                firstUrl(request.baseUrl(), envBaseUrl, profile == null ? null : profile.baseUrl(), defaultBaseUrl());
        ApiClientSettings.checkBaseUrl(baseUrl);
        String profileName = profile == null ? null : profile.name();
        String accountId = profile == null ? null : profile.accountId();

        // a key is sent only to the base URL it was given for: elsewhere (a script's --base-url, a profile's URL
        // beside the environment's key) someone else may be listening
        List<String> setAside = new ArrayList<>();
        String fromEnv = env.apply(ENV_API_KEY);
        if (!blank(fromEnv)) {
            URI home = envBaseUrl != null ? envBaseUrl : defaultBaseUrl();
            if (Origin.same(home, baseUrl)) {
                return new Resolved(orgId, baseUrl, ApiKey.of(fromEnv), profileName, accountId, ENV_API_KEY, profile);
            }
            setAside.add(ENV_API_KEY + " is for " + origin(home));
        }
        if (profile != null && profile.hasApiKey()) {
            URI home = profile.baseUrl() != null ? profile.baseUrl() : defaultBaseUrl();
            if (Origin.same(home, baseUrl)) {
                return new Resolved(
                        orgId,
                        baseUrl,
                        ApiKey.of(profile.apiKey()),
                        profileName,
                        accountId,
                        "profile " + profile.name(),
                        profile);
            }
            setAside.add("the key of profile " + Sanitizer.forTerminal(profile.name()) + " is for " + origin(home));
        }
        if (prompt == null) {
            if (!setAside.isEmpty()) {
                throw new UsageException("no key for " + origin(baseUrl) + ": " + String.join(", ", setAside)
                        + ", and a key is sent only to the base URL it belongs to; connect there at a terminal to type "
                        + "its key (nothing was sent)");
            }
            throw new UsageException("no API key: set " + ENV_API_KEY + " or store it in a profile in "
                    + profiles.file() + " (the key is never accepted as a command-line argument)");
        }
        char[] typed = prompt.read("API key for " + orgId
                + (setAside.isEmpty() ? "" : " at " + origin(baseUrl) + " (" + String.join(", ", setAside) + ")")
                + ": ");
        try {
            if (typed == null || typed.length == 0) {
                throw new UsageException("no API key was entered");
            }
            return new Resolved(orgId, baseUrl, ApiKey.of(typed), profileName, accountId, "prompt", profile);
        } finally {
            if (typed != null) {
                Arrays.fill(typed, '\0');
            }
        }
    }

    private static URI envBaseUrl(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(ENV_BASE_URL + " is not a URL: " + value);
        }
    }

    /**
     * Where orgshell connects when nothing names a base URL: {@code orgshell.base-url} as installed. Spring binds
     * {@code ORGSHELL_BASE_URL} to that same setting, and that URL belongs to the environment's key, so with the
     * variable set the default is the built-in one.
     */
    private URI defaultBaseUrl() {
        return blank(env.apply(ENV_BASE_URL)) ? properties.baseUrl() : URI.create(OrgShellProperties.DEFAULT_BASE_URL);
    }

    private static URI firstUrl(URI... urls) {
        for (URI u : urls) {
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    private static String origin(URI url) {
        return Origin.of(url).map(Origin::toString).orElse(String.valueOf(url));
    }

    private Profile profile(String requested) {
        if (requested != null) {
            return profiles.find(requested)
                    .orElseThrow(() -> new UsageException("no profile named '" + requested
                            + "' in " + profiles.file()
                            + (profiles.names().isEmpty()
                                    ? ""
                                    : " (known: " + String.join(", ", profiles.names()) + ")")));
        }
        return profiles.defaultProfileName().flatMap(profiles::find).orElse(null);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
