package io.orgshell.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.ConnectProxy;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.PrivateCa;
import io.orgshell.support.TlsFront;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The org behind a corporate proxy: its API at a name only the proxy can resolve ({@code api.orgshell.test}), over
 * TLS re-signed by a private CA, reached through a CONNECT tunnel that a profile's {@code proxy} setting names. (The
 * environment's {@code HTTPS_PROXY} and {@code NO_PROXY} take a process of their own: CorporateNetworkProcessTest.)
 */
class ProxyTest extends FreshSandboxTest {

    static ConnectProxy proxy;
    static TlsFront front;

    @BeforeAll
    static void startTheNetwork() {
        proxy = new ConnectProxy().knows(PrivateCa.HOST);
    }

    @AfterAll
    static void stopTheNetwork() throws IOException {
        proxy.close();
        if (front != null) {
            front.close();
            front = null;
        }
    }

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(40).withSeed(61);
    }

    @BeforeEach
    void frontTheSandbox() {
        if (front == null) {
            front = TlsFront.before(server);
        }
        proxy.reset();
    }

    @AfterEach
    void removeTheProfile() throws IOException {
        Files.deleteIfExists(CONFIG_DIR.resolve("config.yml"));
    }

    private String baseUrl() {
        return "https://" + PrivateCa.HOST + ":" + front.port();
    }

    private void profile(String proxySetting) throws IOException {
        Path config = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                config,
                "default-profile: corp\nprofiles:\n  corp:\n    org-id: " + server.orgId() + "\n    base-url: "
                        + baseUrl()
                        + "\n    api-key: " + server.apiKey() + "\n    extra-ca-certs: "
                        + PrivateCa.get().caPem() + "\n"
                        + (proxySetting == null ? "" : "    proxy: '" + proxySetting + "'\n"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void requestsTravelThroughTheTunnelWithTheProxysCredentialsWhichStatusNeverShows() throws IOException {
        proxy.requireCredentials("alice", "s3cret@corp:1");
        profile("http://alice:s3cret%40corp%3A1@127.0.0.1:" + proxy.port());

        Result connected = run("connect --profile corp");
        assertThat(connected.exitCode()).as(connected.toString()).isEqualTo(ExitCodes.OK);
        Result domains = run("domains list");
        assertThat(domains.exitCode()).as(domains.toString()).isEqualTo(ExitCodes.OK);
        assertThat(domains.out()).isNotBlank();

        assertThat(proxy.connects()).as("requests went through the proxy").isPositive();
        assertThat(proxy.requestLines())
                .as("nothing but tunnels to the API's host and port")
                .allMatch(l -> l.equals("CONNECT " + PrivateCa.HOST + ":" + front.port() + " HTTP/1.1"));
        assertThat(proxy.credentialsOffered()).contains("alice:s3cret@corp:1");

        Result status = run("status");
        assertThat(status.out())
                .contains("proxy          http://127.0.0.1:" + proxy.port() + " (from profile corp)")
                .contains("base URL       " + baseUrl())
                .doesNotContain("alice")
                .doesNotContain("s3cret");
        assertThat(run("status --json").out()).doesNotContain("alice").doesNotContain("s3cret");
    }

    @Test
    void beforeConnectingStatusSaysWhichProxyItWouldUse() throws IOException {
        profile("http://alice:s3cret@proxy.corp.test:3128");
        ok(run("disconnect"));

        assertThat(run("status").out())
                .contains("would connect to org " + server.orgId() + " at " + baseUrl())
                .contains("proxy http://proxy.corp.test:3128 (from profile corp)")
                .doesNotContain("alice")
                .doesNotContain("s3cret");
    }

    @Test
    void aProxyAskingForCredentialsIsOneLine() throws IOException {
        proxy.requireCredentials("alice", "right");
        profile("http://127.0.0.1:" + proxy.port());

        Result none = run("connect --profile corp");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(none.err().strip())
                .isEqualTo("error: the proxy http://127.0.0.1:" + proxy.port() + " (from profile corp) asks for "
                        + "credentials (407 Proxy Authentication Required); give them in the proxy URL: "
                        + "http://USER:PASSWORD@127.0.0.1:" + proxy.port()
                        + " (percent-encode special characters) (GET /admin/v1/orgs/{orgId})");
        assertThat(proxy.connects()).as("a refusal is not retried").isEqualTo(1);

        profile("http://alice:wrong-guess@127.0.0.1:" + proxy.port());
        Result wrong = run("connect --profile corp");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(wrong.err().strip())
                .startsWith("error: the proxy http://127.0.0.1:" + proxy.port()
                        + " (from profile corp) refused the user and password in its URL (407")
                .doesNotContain("wrong-guess")
                .doesNotContain("alice");
    }

    @Test
    void anUnreachableProxyIsNamedWithoutItsCredentials() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        profile("http://bob:hunter2@127.0.0.1:" + closed);

        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err().strip())
                .isEqualTo("error: cannot reach the proxy http://127.0.0.1:" + closed
                        + " (from profile corp): connection refused (GET /admin/v1/orgs/{orgId})");
    }

    @Test
    void aMalformedProxySettingNamesTheSettingAndNotItsPassword() throws IOException {
        profile("http://bob:hunter2@127.0.0.1:80x80");

        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip())
                .isEqualTo("error: the proxy setting of profile corp is not a usable proxy URL: its port is not a "
                        + "number")
                .doesNotContain("hunter2");

        profile("socks5://127.0.0.1:1080");
        assertThat(run("connect --profile corp").err().strip())
                .isEqualTo("error: the proxy setting of profile corp is not a usable proxy URL: the scheme socks5:// "
                        + "is not supported; give the proxy as http://host:port");
    }

    @Test
    void proxyNoneGoesDirectAndTheNameOnlyTheProxyKnowsIsNotFound() throws IOException {
        profile("none");

        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("cannot resolve the host " + PrivateCa.HOST);
        assertThat(proxy.connects()).isZero();
    }

    @Test
    void theSandboxOnLoopbackIsReachedDirectly() {
        Result status = run("status");
        assertThat(status.out()).contains("proxy          direct (loopback)");
    }
}
