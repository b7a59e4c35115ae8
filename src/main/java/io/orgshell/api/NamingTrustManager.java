package io.orgshell.api;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Java's verification of the server, unchanged, with a failure worded for the person reading it: whose certificate,
 * who issued it, and what to do. The chain is first checked on its own (is it anchored in a trusted CA?), then with
 * the host name and algorithm constraints, so that "not trusted" and "for another name" are told apart.
 */
final class NamingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager verifier;

    NamingTrustManager(X509ExtendedTrustManager verifier) {
        this.verifier = verifier;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        String host = engine == null ? null : engine.getPeerHost();
        anchored(chain, authType, host);
        try {
            verifier.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            throw otherName(chain, host, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        // the host as the URL named it (the JDK's HTTPS connections): an address's reverse lookup would name another
        String host = socket instanceof SSLSocket tls && tls.getHandshakeSession() != null
                ? tls.getHandshakeSession().getPeerHost()
                : null;
        anchored(chain, authType, host);
        try {
            verifier.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            throw otherName(chain, host, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anchored(chain, authType, null);
    }

    private void anchored(X509Certificate[] chain, String authType, String host) throws CertificateException {
        try {
            verifier.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new UntrustedCertificateException(
                    "TLS: the certificate of " + (host == null ? "the server" : host) + " is not trusted ("
                            + describe(chain) + "); if your network re-signs TLS, add its CA with "
                            + "ORGSHELL_EXTRA_CA_CERTS=ca.pem or extra-ca-certs in the profile",
                    e);
        }
    }

    private static CertificateException otherName(X509Certificate[] chain, String host, CertificateException e) {
        if (chain.length == 0) {
            return e;
        }
        return new UntrustedCertificateException(
                "TLS: the certificate presented for " + host + " is for other names (" + describe(chain)
                        + (names(chain[0]).isEmpty() ? "" : ", names " + String.join(" ", names(chain[0])))
                        + "); check the base URL",
                e);
    }

    private static String describe(X509Certificate[] chain) {
        if (chain.length == 0) {
            return "no certificate presented";
        }
        X509Certificate leaf = chain[0];
        return "subject " + leaf.getSubjectX500Principal().getName() + ", issued by "
                + leaf.getIssuerX500Principal().getName();
    }

    private static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            if (leaf.getSubjectAlternativeNames() != null) {
                for (List<?> san : leaf.getSubjectAlternativeNames()) {
                    names.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // the names are a hint in a message that is already about a failure
        }
        return names;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verifier.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verifier.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verifier.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return verifier.getAcceptedIssuers();
    }
}
