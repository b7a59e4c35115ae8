package io.orgshell.api;

import io.orgshell.core.UsageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Certificates to trust besides Java's own: a PEM bundle, one or more {@code -----BEGIN CERTIFICATE-----} blocks,
 * anything between them (openssl's {@code subject=} lines, comments) ignored. A file that cannot be read or holds no
 * usable certificate is refused with one line naming it: trust that silently did not load would only show later as
 * an untrusted certificate.
 */
final class ExtraCaCerts {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN CERTIFICATE-----([^-]*)-----END CERTIFICATE-----");

    private ExtraCaCerts() {}

    /** @param setting where the file was named ({@code ORGSHELL_EXTRA_CA_CERTS}, a profile's setting) */
    static List<X509Certificate> read(Path file, String setting) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw refused(file, setting, "no such file");
        } catch (AccessDeniedException e) {
            throw refused(file, setting, "permission denied");
        } catch (IOException e) {
            throw refused(file, setting, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this Java has no X.509 support", e);
        }
        while (m.find()) {
            int n = certificates.size() + 1;
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(1).strip());
            } catch (IllegalArgumentException e) {
                throw refused(file, setting, "certificate " + n + " is not valid base64");
            }
            try {
                certificates.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException e) {
                throw refused(file, setting, "certificate " + n + " is not an X.509 certificate");
            }
        }
        if (certificates.isEmpty()) {
            throw refused(file, setting, "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static UsageException refused(Path file, String setting, String problem) {
        return new UsageException(setting + ": cannot use " + file + " as CA certificates: " + problem);
    }
}
