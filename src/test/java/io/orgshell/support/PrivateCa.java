package io.orgshell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA made with the JDK's keytool, as a TLS-inspecting proxy's company CA: its certificate as PEM, and a
 * server key pair for {@link #HOST} signed by it. Made once per test JVM (keytool takes a JVM start per step).
 */
public final class PrivateCa {

    /** The name only the test proxy can resolve, and the one name the server certificate is for. */
    public static final String HOST = "api.orgshell.test";

    /** The server certificate is for this address too: an https base URL on loopback with no name to resolve. */
    public static final String ADDRESS = "127.0.0.1";

    public static final String CA_NAME = "CN=Orgshell Test Inspection CA, O=Corp";

    public static final char[] PASSWORD = "changeit-test".toCharArray();

    private static PrivateCa made;

    private final Path caPem;
    private final Path serverKeyStore;

    private PrivateCa(Path caPem, Path serverKeyStore) {
        this.caPem = caPem;
        this.serverKeyStore = serverKeyStore;
    }

    public static synchronized PrivateCa get() {
        if (made == null) {
            try {
                made = make(Files.createTempDirectory("orgshell-private-ca"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return made;
    }

    /** The CA's certificate, PEM. */
    public Path caPem() {
        return caPem;
    }

    /** PKCS#12, {@link #PASSWORD}: the server's key and its chain (server certificate, CA). */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    private static PrivateCa make(Path dir) throws IOException {
        String pw = new String(PASSWORD);
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path caPem = dir.resolve("ca.pem");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                CA_NAME,
                "-ext",
                "bc:c",
                "-validity",
                "3",
                "-keystore",
                ca.toString(),
                "-storepass",
                pw);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                pw,
                "-file",
                caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + HOST,
                "-validity",
                "3",
                "-keystore",
                server.toString(),
                "-storepass",
                pw);
        keytool(
                "-certreq",
                "-alias",
                "server",
                "-keystore",
                server.toString(),
                "-storepass",
                pw,
                "-file",
                csr.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                pw,
                "-infile",
                csr.toString(),
                "-outfile",
                serverPem.toString(),
                "-ext",
                "san=dns:" + HOST + ",ip:" + ADDRESS,
                "-validity",
                "3");
        // the reply is imported as the server entry's chain: the server certificate followed by the CA's
        Files.writeString(serverPem, Files.readString(serverPem) + Files.readString(caPem), StandardCharsets.US_ASCII);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-keystore",
                server.toString(),
                "-storepass",
                pw,
                "-file",
                serverPem.toString());
        return new PrivateCa(caPem, server);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
