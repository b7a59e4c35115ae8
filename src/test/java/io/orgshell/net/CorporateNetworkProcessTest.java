package io.orgshell.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.support.ConnectProxy;
import io.orgshell.support.OrgShellProcess;
import io.orgshell.support.PrivateCa;
import io.orgshell.support.Slow;
import io.orgshell.support.TlsFront;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * orgshell started as an admin behind a corporate network starts it: {@code HTTPS_PROXY} with credentials, a
 * TLS-inspecting proxy's CA in {@code ORGSHELL_EXTRA_CA_CERTS}, the API at a name only the proxy resolves, and
 * {@code NO_PROXY}. Environment variables need a process of their own.
 */
@Slow
class CorporateNetworkProcessTest {

    @TempDir
    static Path home;

    static SandboxServer sandbox;
    static TlsFront front;
    static ConnectProxy proxy;

    @BeforeAll
    static void startTheNetwork() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withUsers(20).withSeed(63));
        front = TlsFront.before(sandbox);
        proxy = new ConnectProxy().knows(PrivateCa.HOST);
    }

    @AfterAll
    static void stopTheNetwork() throws IOException {
        proxy.close();
        front.close();
        sandbox.close();
    }

    @BeforeEach
    void forgetTheTunnels() {
        proxy.reset();
    }

    /** The org at the name only the proxy resolves, its key, and the company CA; one retry at most. */
    private static Map<String, String> corporate() {
        Map<String, String> env = new HashMap<>();
        env.put("ORGSHELL_ORG_ID", sandbox.orgId());
        env.put("ORGSHELL_API_KEY", sandbox.apiKey());
        env.put("ORGSHELL_BASE_URL", "https://" + PrivateCa.HOST + ":" + front.port());
        env.put("ORGSHELL_EXTRA_CA_CERTS", PrivateCa.get().caPem().toString());
        env.put("ORGSHELL_RETRY_MAX_RETRIES", "1");
        return env;
    }

    private static OrgShellProcess.Finished run(Map<String, String> env, String script, String... args)
            throws Exception {
        return OrgShellProcess.start(List.of(), home, env, script, args).await();
    }

    @Test
    void httpsProxyWithCredentialsAndTheCompanyCaReachTheOrg() throws Exception {
        proxy.requireCredentials("svc-admin", "p@ss word");
        Map<String, String> env = corporate();
        env.put("HTTPS_PROXY", "http://svc-admin:p%40ss%20word@127.0.0.1:" + proxy.port());

        OrgShellProcess.Finished f = run(env, "domains list\nstatus\n");
        assertThat(f.exitCode()).as(f.toString()).isEqualTo(ExitCodes.OK);
        assertThat(f.out())
                .contains("proxy          http://127.0.0.1:" + proxy.port() + " (from HTTPS_PROXY)")
                .doesNotContain("svc-admin")
                .doesNotContain("p@ss");
        assertThat(f.err()).doesNotContain("svc-admin").doesNotContain("p@ss");
        assertThat(proxy.connects()).isPositive();
        assertThat(proxy.credentialsOffered()).containsOnly("svc-admin:p@ss word");
    }

    @Test
    void noProxyNamesTheHostsThatGoDirect() throws Exception {
        Map<String, String> env = corporate();
        env.put("https_proxy", "http://127.0.0.1:" + proxy.port());
        env.put("NO_PROXY", "localhost,.orgshell.test");

        OrgShellProcess.Finished f = run(env, null, "domains", "list");
        assertThat(f.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(f.err()).contains("cannot resolve the host " + PrivateCa.HOST);
        assertThat(proxy.connects()).as("the proxy was passed by").isZero();
    }

    @Test
    void theSandboxOnLoopbackIgnoresAProxyThatCannotBeReached() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closed;
        Map<String, String> env = Map.of("HTTPS_PROXY", nowhere, "http_proxy", nowhere, "ALL_PROXY", nowhere);

        OrgShellProcess.Finished f = run(env, "domains list\nstatus\n", "--sandbox");
        assertThat(f.exitCode()).as(f.toString()).isEqualTo(ExitCodes.OK);
        assertThat(f.out()).contains("proxy          direct (loopback)");
    }

    @Test
    void anUnreachableProxyFromTheEnvironmentIsNamed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = corporate();
        env.put("HTTPS_PROXY", "http://svc-admin:secret@127.0.0.1:" + closed);

        OrgShellProcess.Finished f = run(env, null, "domains", "list");
        assertThat(f.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(f.err().strip())
                .isEqualTo("error: cannot reach the proxy http://127.0.0.1:" + closed
                        + " (from HTTPS_PROXY): connection refused (GET /admin/v1/orgs/{orgId})");
    }
}
