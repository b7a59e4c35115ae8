package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.sandbox.SandboxServer;
import io.orgshell.support.PrivateCa;
import io.orgshell.support.TlsFront;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's connection an export's pages take, over real TLS (a {@link TlsFront} whose certificate, signed by a
 * {@link PrivateCa}, is for {@code api.orgshell.test} and {@code 127.0.0.1}): it trusts the extra CA it is given, and
 * still checks that the certificate is for the host the URL names.
 */
class PageReaderTest {

    static SandboxServer sandbox;
    static TlsFront front;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withUsers(20).withSeed(64));
        front = TlsFront.before(sandbox);
    }

    @AfterAll
    static void stop() throws IOException {
        front.close();
        sandbox.close();
    }

    private static PageReader reader(URI base) {
        var settings = new ApiClientSettings(
                base,
                sandbox.orgId(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new ApiClientSettings.RetrySettings(
                        0, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)),
                100,
                true);
        var trust = TlsTrust.trust(
                List.of(new TlsTrust.Source("extra-ca-certs", PrivateCa.get().caPem())));
        return new PageReader(settings, TlsTrust.sockets(trust), 1 << 20);
    }

    private static URI search(String host) {
        return URI.create("https://" + host + ":" + front.port() + "/admin/v2/orgs/" + sandbox.orgId()
                + "/directories/-/users/search");
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable c = e; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    private static final byte[] FIRST_PAGE = "{\"limit\":5}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theExtraCaIsTrustedForTheAddressItsCertificateNames() throws Exception {
        URI base = URI.create("https://" + PrivateCa.ADDRESS + ":" + front.port());
        try (PageReader reader = reader(base)) {
            PageReader.Answer a = reader.post(search(PrivateCa.ADDRESS), FIRST_PAGE, "Bearer " + sandbox.apiKey());
            assertThat(a.status()).isEqualTo(200);
            assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("\"accountId\"");
        }
    }

    @Test
    void aCertificateForOtherNamesIsRefusedNamingTheHostTheUrlGave() {
        URI base = URI.create("https://localhost:" + front.port());
        try (PageReader reader = reader(base)) {
            assertThatThrownBy(() -> reader.post(search("localhost"), FIRST_PAGE, "Bearer " + sandbox.apiKey()))
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(causes(e))
                            .anySatisfy(c -> assertThat(c)
                                    .isInstanceOf(UntrustedCertificateException.class)
                                    .hasMessageContaining("presented for localhost is for other names")));
        }
    }
}
