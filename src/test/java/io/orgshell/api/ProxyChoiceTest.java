package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgshell.core.UsageException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Which proxy a base URL goes through, from the profile, the environment (as curl reads it) and Java's properties.
 * The environment is given as a map: a JVM cannot change its own.
 */
class ProxyChoiceTest {

    static final URI API = URI.create("https://api.atlassian.com");
    static final Properties NONE = new Properties();

    static String route(URI target, String profile, Map<String, String> env, Properties props) {
        return ProxyChoice.resolve(target, profile, "corp", env, props).toString();
    }

    static String route(Map<String, String> env) {
        return route(API, null, env, NONE);
    }

    static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void nothingSetIsDirect() {
        assertThat(route(Map.of())).isEqualTo("direct");
    }

    @Test
    void httpsUrlsTakeHttpsProxyLowerCaseFirstThenAllProxy() {
        assertThat(route(Map.of("HTTPS_PROXY", "http://upper:3128"))).isEqualTo("http://upper:3128 (from HTTPS_PROXY)");
        assertThat(route(Map.of("HTTPS_PROXY", "http://upper:3128", "https_proxy", "http://lower:3128")))
                .isEqualTo("http://lower:3128 (from https_proxy)");
        assertThat(route(Map.of("ALL_PROXY", "all.corp:8080"))).isEqualTo("http://all.corp:8080 (from ALL_PROXY)");
        assertThat(route(Map.of("http_proxy", "http://plain:3128")))
                .as("http_proxy is for http URLs only")
                .isEqualTo("direct");
    }

    @Test
    void httpUrlsTakeOnlyTheLowerCaseHttpProxyAsCurlDoes() {
        URI plain = URI.create("http://intranet.corp:8080");
        assertThat(route(plain, null, Map.of("HTTP_PROXY", "http://upper:3128"), NONE))
                .as("HTTP_PROXY can be set by a CGI request's Proxy header")
                .isEqualTo("direct");
        assertThat(route(plain, null, Map.of("http_proxy", "http://lower:3128"), NONE))
                .isEqualTo("http://lower:3128 (from http_proxy)");
    }

    @Test
    void noProxyMatchesHostsAndTheirSubdomainsPortsAndAddresses() {
        String p = "http://proxy.corp:3128";
        assertThat(route(Map.of("HTTPS_PROXY", p, "NO_PROXY", "atlassian.com"))).isEqualTo("direct (NO_PROXY)");
        assertThat(route(Map.of("HTTPS_PROXY", p, "NO_PROXY", " example.org, .atlassian.com")))
                .isEqualTo("direct (NO_PROXY)");
        assertThat(route(Map.of("HTTPS_PROXY", p, "no_proxy", "*"))).isEqualTo("direct (no_proxy)");
        assertThat(route(Map.of("HTTPS_PROXY", p, "NO_PROXY", "lassian.com")))
                .as("a suffix of the name, not of a label")
                .startsWith("http://proxy.corp:3128");
        assertThat(route(Map.of("HTTPS_PROXY", p, "NO_PROXY", "api.atlassian.com:443")))
                .isEqualTo("direct (NO_PROXY)");
        assertThat(route(Map.of("HTTPS_PROXY", p, "NO_PROXY", "api.atlassian.com:8443")))
                .startsWith("http://proxy.corp:3128");
        assertThat(route(Map.of("HTTPS_PROXY", p, "NO_PROXY", "atlassian.com", "no_proxy", "example.org")))
                .as("lower case wins")
                .startsWith("http://proxy.corp:3128");
        assertThat(route(
                        URI.create("https://10.1.2.3:8443"),
                        null,
                        Map.of("HTTPS_PROXY", p, "NO_PROXY", "10.1.2.3"),
                        NONE))
                .isEqualTo("direct (NO_PROXY)");
        assertThat(route(URI.create("https://[fd00::5]"), null, Map.of("HTTPS_PROXY", p, "NO_PROXY", "fd00::5"), NONE))
                .isEqualTo("direct (NO_PROXY)");
    }

    @Test
    void javasPropertiesComeLastAndHonourNonProxyHosts() {
        Properties java = props("https.proxyHost", "jproxy.corp", "https.proxyPort", "8080");
        assertThat(route(API, null, Map.of(), java))
                .isEqualTo("http://jproxy.corp:8080 (from https.proxyHost/https.proxyPort)");
        assertThat(route(API, null, Map.of("HTTPS_PROXY", "http://env:3128"), java))
                .isEqualTo("http://env:3128 (from HTTPS_PROXY)");
        assertThat(route(API, null, Map.of(), props("https.proxyHost", "jproxy.corp")))
                .as("https.proxyPort defaults to 443")
                .startsWith("http://jproxy.corp:443 ");
        java.setProperty("http.nonProxyHosts", "localhost|*.atlassian.com");
        assertThat(route(API, null, Map.of(), java)).isEqualTo("direct (http.nonProxyHosts)");
    }

    @Test
    void theProfileWinsAndNoneGoesDirect() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://env:3128");
        assertThat(route(API, "http://profile.corp:8080", env, NONE))
                .isEqualTo("http://profile.corp:8080 (from profile corp)");
        assertThat(route(API, "none", env, NONE)).isEqualTo("direct (proxy = none in profile corp)");
    }

    @Test
    void loopbackIsAlwaysDirect() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://env:3128", "http_proxy", "http://env:3128");
        assertThat(route(URI.create("http://127.0.0.1:8080"), "http://profile:1", env, NONE))
                .isEqualTo("direct (loopback)");
        assertThat(route(URI.create("http://localhost:8080"), null, env, NONE)).isEqualTo("direct (loopback)");
        assertThat(route(URI.create("https://[::1]:8443"), null, env, NONE)).isEqualTo("direct (loopback)");
    }

    @Test
    void credentialsArePercentDecodedAndNeverShown() {
        ProxyChoice p = ProxyChoice.resolve(
                API, null, null, Map.of("HTTPS_PROXY", "http://d%C3%A9v%20ops:p%40ss%3Aw+rd@proxy.corp:3128/"), NONE);
        assertThat(p.user()).isEqualTo("dév ops");
        assertThat(p.password()).isEqualTo("p@ss:w+rd");
        assertThat(p.toString()).isEqualTo("http://proxy.corp:3128 (from HTTPS_PROXY)");
        assertThat(route(Map.of("HTTPS_PROXY", "proxy.corp")))
                .as("curl's default port")
                .startsWith("http://proxy.corp:1080 ");
    }

    @Test
    void aPasswordWithASlashOrHashNotEncodedIsStillThePassword() {
        ProxyChoice slash = ProxyChoice.resolve(
                API, null, null, Map.of("HTTPS_PROXY", "http://ops:98/76#5?4@proxy.corp:3128"), NONE);
        assertThat(slash.user()).isEqualTo("ops");
        assertThat(slash.password()).isEqualTo("98/76#5?4");
        assertThat(slash.toString())
                .isEqualTo("http://proxy.corp:3128 (from HTTPS_PROXY)")
                .doesNotContain("98")
                .doesNotContain("ops");
        ProxyChoice at =
                ProxyChoice.resolve(API, null, null, Map.of("HTTPS_PROXY", "ops@corp:p@ss@proxy.corp:3128"), NONE);
        assertThat(at.user()).isEqualTo("ops@corp");
        assertThat(at.password()).isEqualTo("p@ss");
        assertThat(at.toString()).startsWith("http://proxy.corp:3128 ");
    }

    @Test
    void aMalformedProxyNamesTheVariableAndWhatIsWrongNeverTheValue() {
        assertThatThrownBy(() -> route(Map.of("HTTPS_PROXY", "http://u:secret@proxy corp:3128")))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("HTTPS_PROXY is not a usable proxy URL: it is not a URL")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> route(Map.of("https_proxy", "https://proxy.corp:3128")))
                .hasMessage("https_proxy is not a usable proxy URL: the scheme https:// is not supported; give the "
                        + "proxy as http://host:port");
        assertThatThrownBy(() -> route(Map.of("HTTPS_PROXY", "http://u:secret@proxy.corp:31x8")))
                .hasMessage("HTTPS_PROXY is not a usable proxy URL: its port is not a number");
        assertThatThrownBy(() -> route(Map.of("HTTPS_PROXY", "http://:3128")))
                .hasMessage("HTTPS_PROXY is not a usable proxy URL: it names no host (expected http://host:port)");
        assertThatThrownBy(() -> route(API, null, Map.of(), props("https.proxyHost", "j", "https.proxyPort", "x")))
                .hasMessage("https.proxyPort: the port 'x' is not a number");
    }
}
