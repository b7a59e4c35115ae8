package io.orgshell.api;

import java.security.cert.CertificateException;

/** The server's certificate failed verification; the message is the one line the user sees. */
final class UntrustedCertificateException extends CertificateException {

    UntrustedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
