package io.orgshell.api;

import io.netty.handler.proxy.HttpProxyHandler.HttpProxyConnectException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * The words for a request that failed below HTTP, the same whichever way it went (Reactor Netty, or the JDK's
 * connection of {@link PageReader}): what happened, to which host or proxy, and whether sending again may mend it.
 */
final class TransportFailures {

    private final ProxyChoice proxy;
    private final ApiClientSettings settings;

    TransportFailures(ProxyChoice proxy, ApiClientSettings settings) {
        this.proxy = proxy;
        this.settings = settings;
    }

    /**
     * One line for a failure below HTTP. Those that sending again cannot mend (an untrusted certificate, a proxy that
     * wants other credentials) end the request at once; the others go to the retry policy.
     */
    RuntimeException of(Throwable e, URI uri, String request) {
        Throwable cause = e instanceof WebClientRequestException || e instanceof WebClientResponseException
                ? (e.getCause() == null ? e : e.getCause())
                : e instanceof PageReader.DeadlineException ? new ResponseDeadlineException() : e;
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        UntrustedCertificateException untrusted = causeOf(cause, UntrustedCertificateException.class);
        if (untrusted != null) {
            return new ApiConnectionException(untrusted.getMessage(), request, null);
        }
        String message;
        HttpProxyConnectException refusedTunnel = causeOf(cause, HttpProxyConnectException.class);
        if (refusedTunnel != null) {
            String status = ProxyFailures.status(refusedTunnel);
            if (status.startsWith("407")) {
                return new ApiConnectionException(ProxyFailures.credentialsRefused(proxy, status), request, null);
            }
            message = "the proxy " + proxy + " refused the tunnel to " + where + " (" + status + ")";
        } else if (!proxy.isDirect() && hasCause(cause, ProxyConnectException.class)) {
            message = "the proxy " + proxy + " did not open the tunnel to " + where + " within "
                    + seconds(settings.connectTimeout());
        } else if (!proxy.isDirect() && hasCause(cause, ConnectException.class)) {
            message = "cannot reach the proxy " + proxy + ": "
                    + ProxyFailures.why(causeOf(cause, ConnectException.class));
        } else if (!proxy.isDirect() && hasCause(cause, UnknownHostException.class)) {
            message = "cannot resolve the host of the proxy " + proxy;
        } else if (cause instanceof ConnectException
                || hasCause(cause, ConnectException.class)
                || cause instanceof SocketTimeoutException t && "connect timed out".equalsIgnoreCase(t.getMessage())) {
            message = "cannot connect to " + where + " (connection refused or unreachable)";
        } else if (hasCause(cause, UnknownHostException.class)) {
            message = "cannot resolve the host " + uri.getHost();
        } else if (cause instanceof ResponseDeadlineException) {
            message = "the answer from " + where + " was not complete within " + seconds(settings.responseDeadline())
                    + " (orgshell.response-deadline)";
        } else if (cause instanceof ReadTimeoutException
                || cause instanceof SocketTimeoutException
                || hasCause(cause, TimeoutException.class)
                || hasCause(cause, ReadTimeoutException.class)) {
            message = "no answer from " + where + " within "
                    + settings.readTimeout().toSeconds() + " s";
        } else if (cause instanceof PrematureCloseException
                || hasCause(cause, PrematureCloseException.class)
                || closedEarly(cause)) {
            message = "the connection to " + where + " closed before the answer arrived";
        } else {
            message = "the request to " + where + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        return new RetryPolicy.TransportFailure(message, cause);
    }

    /** How the JDK's connection ({@link PageReader}) says what Reactor Netty calls a premature close. */
    private static boolean closedEarly(Throwable cause) {
        String m = cause.getMessage();
        return cause instanceof SocketException && m != null && (m.contains("end of file") || m.contains("reset"))
                || cause instanceof IOException && "Premature EOF".equals(m);
    }

    /** A whole answer took longer than {@code orgshell.response-deadline}: a timeout like any other to the retries. */
    static final class ResponseDeadlineException extends TimeoutException {}

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return causeOf(t, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
