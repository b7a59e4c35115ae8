package io.orgshell.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.core.ExitCodes;
import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.support.FreshSandboxTest;
import io.orgshell.support.PrivateCa;
import io.orgshell.support.TlsFront;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API whose TLS is re-signed by a company CA (a {@link TlsFront} with a {@link PrivateCa} certificate for
 * {@code api.orgshell.test}, reached here at {@code localhost} or, through the profile, at its own name): refused
 * with one line naming the certificate until the profile's {@code extra-ca-certs} adds the CA, and never accepted for
 * a name it was not issued for.
 */
class PrivateCaTest extends FreshSandboxTest {

    static TlsFront front;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withUsers(30).withSeed(62);
    }

    @BeforeEach
    void frontTheSandbox() {
        if (front == null) {
            front = TlsFront.before(server);
        }
    }

    @AfterAll
    static void stopTheFront() throws IOException {
        front.close();
        front = null;
    }

    @AfterEach
    void removeTheProfile() throws IOException {
        Files.deleteIfExists(CONFIG_DIR.resolve("config.yml"));
    }

    /** A profile for the org at {@code host} (resolved through a loopback-only proxy that knows the test name). */
    private void profile(String host, String extraCaCerts) throws IOException {
        Path config = CONFIG_DIR.resolve("config.yml");
        Files.writeString(
                config,
                "profiles:\n  corp:\n    org-id: " + server.orgId() + "\n    base-url: https://" + host + ":"
                        + front.port() + "\n    api-key: " + server.apiKey() + "\n"
                        + (extraCaCerts == null ? "" : "    extra-ca-certs: '" + extraCaCerts + "'\n"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anUntrustedCertificateIsOneLineNamingItsSubjectIssuerAndTheSetting() throws IOException {
        profile("localhost", null);

        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err().strip())
                .isEqualTo("error: TLS: the certificate of localhost is not trusted (subject CN=" + PrivateCa.HOST
                        + ", issued by " + PrivateCa.CA_NAME.replace(", ", ",") + "); if your network re-signs TLS, "
                        + "add its CA with ORGSHELL_EXTRA_CA_CERTS=ca.pem or extra-ca-certs in the profile "
                        + "(GET /admin/v1/orgs/{orgId})");
        assertThat(front.handshakes()).as("no request was sent").isZero();
    }

    @Test
    void theExtraCaIsTrustedButOnlyForTheNamesItsCertificatesAreFor() throws IOException {
        profile("localhost", PrivateCa.get().caPem().toString());

        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err().strip())
                .isEqualTo("error: TLS: the certificate presented for localhost is for other names (subject CN="
                        + PrivateCa.HOST + ", issued by " + PrivateCa.CA_NAME.replace(", ", ",") + ", names "
                        + PrivateCa.HOST + " " + PrivateCa.ADDRESS
                        + "); check the base URL (GET /admin/v1/orgs/{orgId})");
    }

    @Test
    void anExportReadsItsPagesThroughTheExtraCaToo() throws IOException {
        profile(PrivateCa.ADDRESS, PrivateCa.get().caPem().toString());
        ok(run("connect --profile corp"));
        int handshakes = front.handshakes();
        Path out = tmp.resolve("users.csv");

        ok(run("users export --out " + out));

        assertThat(Files.readAllLines(out)).hasSize(server.org().managedCount() + 1);
        assertThat(front.handshakes()).as("the pages' own connections").isGreaterThan(handshakes);
    }

    @Test
    void aBundleWithTextAroundItsCertificatesIsRead() throws IOException {
        Path bundle = tmp.resolve("bundle.pem");
        Files.writeString(
                bundle,
                "# the company's CA, as openssl prints it\nsubject=" + PrivateCa.CA_NAME + "\n"
                        + Files.readString(PrivateCa.get().caPem()) + "\n# end\n");
        profile("localhost", bundle.toString());

        assertThat(run("connect --profile corp").err())
                .as("trusted now: what is left is the name")
                .contains("is for other names");
    }

    @Test
    void anUnusablePemFileIsOneLineNamingTheFile() throws IOException {
        Path missing = tmp.resolve("nowhere.pem");
        profile("localhost", missing.toString());
        Result r = run("connect --profile corp");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip())
                .isEqualTo("error: extra-ca-certs of profile corp: cannot use " + missing
                        + " as CA certificates: no such file");

        Path notPem = tmp.resolve("ca.der");
        Files.write(notPem, new byte[] {0x30, (byte) 0x82, 0x01, 0x0a});
        profile("localhost", notPem.toString());
        assertThat(run("connect --profile corp").err().strip())
                .isEqualTo("error: extra-ca-certs of profile corp: cannot use " + notPem
                        + " as CA certificates: it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");

        Path broken = tmp.resolve("broken.pem");
        Files.writeString(
                broken,
                Files.readString(PrivateCa.get().caPem())
                        + "-----BEGIN CERTIFICATE-----\nMIIBnotacert\n-----END CERTIFICATE-----\n");
        profile("localhost", broken.toString());
        assertThat(run("connect --profile corp").err().strip())
                .isEqualTo("error: extra-ca-certs of profile corp: cannot use " + broken
                        + " as CA certificates: certificate 2 is not an X.509 certificate");
    }
}
