package io.orgshell.api;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whom TLS trusts: Java's default anchors (its {@code cacerts}, or {@code javax.net.ssl.trustStore} when set) plus any
 * extra CA certificates the user named. Verification itself is Java's and cannot be turned off: there is no setting
 * for it, on purpose.
 */
final class TlsTrust {

    /** A PEM bundle to trust, and the setting that named it (for messages). */
    record Source(String setting, Path file) {}

    private TlsTrust() {}

    /** Java's verification against the default and extra anchors, naming the certificate when it refuses one. */
    static X509ExtendedTrustManager trust(List<Source> extras) {
        return new NamingTrustManager(verifier(extras));
    }

    /** For Reactor Netty. */
    static SslContext context(X509ExtendedTrustManager trust) {
        try {
            return SslContextBuilder.forClient().trustManager(trust).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** For the JDK's own HTTPS connections ({@link PageReader}): the same trust as {@link #context}. */
    static SSLSocketFactory sockets(X509ExtendedTrustManager trust) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            return tls.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Java's verification, anchored in its default CAs and the extra ones. */
    static X509ExtendedTrustManager verifier(List<Source> extras) {
        try {
            X509ExtendedTrustManager defaults = trustManager(null);
            if (extras.isEmpty()) {
                return defaults;
            }
            List<X509Certificate> anchors = new ArrayList<>(List.of(defaults.getAcceptedIssuers()));
            for (Source s : extras) {
                anchors.addAll(ExtraCaCerts.read(s.file(), s.setting()));
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            return trustManager(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in " + tmf.getAlgorithm());
    }
}
