package io.orgshell.session;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Who answers at a base URL: its scheme, host and port. A key belongs to one origin; the path, the case of the host,
 * a trailing dot and a spelled-out default port do not make another one.
 */
record Origin(String scheme, String host, int port) {

    static Optional<Origin> of(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            return Optional.empty();
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = url.getPort() != -1
                ? url.getPort()
                : switch (scheme) {
                    case "http" -> 80;
                    case "https" -> 443;
                    default -> -1;
                };
        return Optional.of(new Origin(scheme, host, port));
    }

    static boolean same(URI a, URI b) {
        Optional<Origin> first = of(a);
        return first.isPresent() && first.equals(of(b));
    }

    @Override
    public String toString() {
        boolean defaultPort = port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        return scheme + "://" + host + (defaultPort || port == -1 ? "" : ":" + port);
    }
}
