package io.orgshell.api;

import io.netty.handler.proxy.HttpProxyHandler.HttpProxyConnectException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words for a proxy that failed: Netty's own messages name addresses and schemes, not what to do. */
final class ProxyFailures {

    private static final Pattern STATUS = Pattern.compile("status: (\\d{3}[^,]*)");

    private ProxyFailures() {}

    /** "407 Proxy Authentication Required", from the proxy's answer to CONNECT. */
    static String status(HttpProxyConnectException e) {
        Matcher m = STATUS.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1).strip() : "no usable answer";
    }

    static String credentialsRefused(ProxyChoice proxy, String status) {
        return proxy.hasCredentials()
                ? "the proxy " + proxy + " refused the user and password in its URL (" + status + ")"
                : "the proxy " + proxy + " asks for credentials (" + status
                        + "); give them in the proxy URL: http://USER:PASSWORD@" + proxy.host() + ":" + proxy.port()
                        + " (percent-encode special characters)";
    }

    static String why(ConnectException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("refused")) {
            return "connection refused";
        }
        if (m.contains("timed out")) {
            return "no answer (timed out)";
        }
        return "unreachable";
    }
}
