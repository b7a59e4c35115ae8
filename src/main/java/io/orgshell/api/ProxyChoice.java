package io.orgshell.api;

import io.orgshell.core.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Whether requests to the API go through an HTTP proxy, and which one. Highest first:
 * <ol>
 *   <li>the profile's {@code proxy} setting (a URL, or {@code none} to go direct);
 *   <li>the environment, as curl reads it: {@code https_proxy}/{@code HTTPS_PROXY} for an https base URL,
 *       {@code http_proxy} (lower case only, as curl) for an http one, then {@code all_proxy}/{@code ALL_PROXY};
 *       lower case wins when both are set; {@code no_proxy}/{@code NO_PROXY} names the hosts that go direct;
 *   <li>Java's {@code https.proxyHost}/{@code https.proxyPort} (or {@code http.*} for an http base URL), with
 *       {@code http.nonProxyHosts} naming the hosts that go direct.
 * </ol>
 * A loopback base URL always goes direct, whatever is set: the embedded sandbox listens there, and a proxy elsewhere
 * cannot reach this machine's loopback anyway. Credentials in a proxy URL ({@code http://user:password@host:port},
 * percent-encoded) are kept apart from the URL that is shown: {@link #toString()} never names them.
 */
public final class ProxyChoice {

    private final URI proxy;
    private final String user;
    private final String password;
    private final String source;
    private final String directBecause;

    private ProxyChoice(URI proxy, String user, String password, String source, String directBecause) {
        this.proxy = proxy;
        this.user = user;
        this.password = password;
        this.source = source;
        this.directBecause = directBecause;
    }

    static ProxyChoice direct(String because) {
        return new ProxyChoice(null, null, null, null, because);
    }

    /**
     * @param profileSetting the profile's {@code proxy} value, null when it has none
     * @param profileName the profile it comes from, for messages
     */
    public static ProxyChoice resolve(
            URI target, String profileSetting, String profileName, Map<String, String> env, Properties props) {
        String host = target.getHost();
        if (ApiClientSettings.isLoopback(host)) {
            return direct("loopback");
        }
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        int port = target.getPort() > 0 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        if (profileSetting != null && !profileSetting.isBlank()) {
            String from = "profile " + profileName;
            if (profileSetting.strip().equalsIgnoreCase("none")) {
                return direct("proxy = none in " + from);
            }
            return parse(profileSetting.strip(), "the proxy setting of " + from, from);
        }
        for (String name : scheme.equals("https")
                ? new String[] {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}
                : new String[] {"http_proxy", "all_proxy", "ALL_PROXY"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                String noProxyName = present(env, "no_proxy") ? "no_proxy" : "NO_PROXY";
                if (NoProxy.curl(env.get(noProxyName)).matches(host, port)) {
                    return direct(noProxyName);
                }
                return parse(value.strip(), name, name);
            }
        }
        String proxyHost = props.getProperty(scheme + ".proxyHost");
        if (proxyHost != null && !proxyHost.isBlank()) {
            if (NoProxy.java(props.getProperty("http.nonProxyHosts")).matches(host, port)) {
                return direct("http.nonProxyHosts");
            }
            String portName = scheme + ".proxyPort";
            String portValue = props.getProperty(portName, scheme.equals("https") ? "443" : "80");
            int proxyPort;
            try {
                proxyPort = Integer.parseInt(portValue.strip());
            } catch (NumberFormatException e) {
                throw new UsageException(portName + ": the port '" + portValue + "' is not a number");
            }
            return parse(
                    "http://" + proxyHost.strip() + ":" + proxyPort,
                    scheme + ".proxyHost",
                    scheme + ".proxyHost/" + portName);
        }
        return direct(null);
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isEmpty();
    }

    /**
     * A proxy URL as curl takes it: {@code host:port} alone is an http proxy; without a port, 1080. The value is never
     * quoted back in a message: it may hold a password.
     */
    static ProxyChoice parse(String value, String setting, String source) {
        String withScheme = value.contains("://") ? value : "http://" + value;
        // the user part ends at the last '@': a password with a '/', '#' or '?' not %-encoded stays a password
        // instead of turning its first half into the host and its second into the path
        int afterScheme = withScheme.indexOf("://") + 3;
        int at = withScheme.lastIndexOf('@');
        String rawUserInfo = at < afterScheme ? null : withScheme.substring(afterScheme, at);
        String hostPart =
                at < afterScheme ? withScheme : withScheme.substring(0, afterScheme) + withScheme.substring(at + 1);
        URI uri;
        try {
            uri = new URI(hostPart);
        } catch (URISyntaxException e) {
            int shift = rawUserInfo == null ? 0 : rawUserInfo.length() + 1;
            int index = e.getIndex() < afterScheme ? e.getIndex() : e.getIndex() + shift;
            throw malformed(setting, "it is not a URL (" + e.getReason() + " at character " + (index + 1) + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw malformed(
                    setting, "the scheme " + scheme + ":// is not supported; give the proxy as http://host:port");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            throw malformed(
                    setting,
                    colon > 0 && !hostPort.substring(colon + 1).matches("\\d+")
                            ? "its port is not a number"
                            : "it names no host (expected http://host:port)");
        }
        if (uri.getPort() > 65535) {
            throw malformed(setting, "the port " + uri.getPort() + " is out of range");
        }
        String user = null;
        String password = null;
        String userInfo = rawUserInfo;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            try {
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw malformed(setting, "its user or password has a broken %-escape");
            }
        }
        URI shown = URI.create("http://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 1080 : uri.getPort()));
        return new ProxyChoice(shown, user, password, source, null);
    }

    private static String decode(String s) {
        // '+' is a plus in a URL's user part, not a space as in a form
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static UsageException malformed(String setting, String problem) {
        return new UsageException(setting + " is not a usable proxy URL: " + problem);
    }

    public boolean isDirect() {
        return proxy == null;
    }

    public String host() {
        return proxy.getHost();
    }

    public int port() {
        return proxy.getPort();
    }

    /** The user for the proxy's Basic authentication; null when the URL named none. */
    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean hasCredentials() {
        return user != null;
    }

    /** "http://proxy.corp:3128 (from HTTPS_PROXY)", "direct", "direct (no_proxy)": never the credentials. */
    @Override
    public String toString() {
        if (proxy == null) {
            return directBecause == null ? "direct" : "direct (" + directBecause + ")";
        }
        return proxy + " (from " + source + ")";
    }
}
