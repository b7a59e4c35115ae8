package io.orgshell.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass a proxy. Two spellings:
 * <ul>
 *   <li>curl's {@code NO_PROXY}: comma-separated; {@code *} alone is every host; {@code example.com} and
 *       {@code .example.com} both match {@code example.com} and any name under it; {@code host:port} matches that
 *       port only; an IP address ({@code 10.1.2.3}, {@code [::1]} or {@code ::1}) matches that address as written;
 *   <li>Java's {@code http.nonProxyHosts}: {@code |}-separated names in which {@code *} is any run of characters.
 * </ul>
 * Names are compared without regard to case; a trailing dot of a fully qualified name is ignored.
 */
final class NoProxy {

    private record Entry(String host, int port, Pattern glob) {}

    private final List<Entry> entries;

    private NoProxy(List<Entry> entries) {
        this.entries = entries;
    }

    static NoProxy curl(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value != null) {
            for (String raw : value.split(",")) {
                String e = raw.strip().toLowerCase(Locale.ROOT);
                if (e.isEmpty()) {
                    continue;
                }
                int port = -1;
                int colon = e.lastIndexOf(':');
                boolean bareIpv6 = e.indexOf(':') != colon;
                if (colon > 0 && !bareIpv6 && e.substring(colon + 1).matches("\\d{1,5}")) {
                    port = Integer.parseInt(e.substring(colon + 1));
                    e = e.substring(0, colon);
                } else if (e.startsWith("[") && e.matches("\\[[^]]*]:\\d{1,5}")) {
                    port = Integer.parseInt(e.substring(e.indexOf("]:") + 2));
                    e = e.substring(0, e.indexOf("]:") + 1);
                }
                entries.add(new Entry(normalise(e.startsWith(".") ? e.substring(1) : e), port, null));
            }
        }
        return new NoProxy(entries);
    }

    static NoProxy java(String value) {
        List<Entry> entries = new ArrayList<>();
        if (value != null) {
            for (String raw : value.split("\\|")) {
                String e = raw.strip().toLowerCase(Locale.ROOT);
                if (!e.isEmpty()) {
                    String regex = Pattern.quote(e).replace("*", "\\E.*\\Q");
                    entries.add(new Entry(null, -1, Pattern.compile(regex)));
                }
            }
        }
        return new NoProxy(entries);
    }

    boolean matches(String host, int port) {
        String h = normalise(host.toLowerCase(Locale.ROOT));
        for (Entry e : entries) {
            if (e.glob() != null) {
                if (e.glob().matcher(h).matches()) {
                    return true;
                }
                continue;
            }
            if (e.port() != -1 && e.port() != port) {
                continue;
            }
            if (e.host().equals("*") || h.equals(e.host()) || h.endsWith("." + e.host())) {
                return true;
            }
        }
        return false;
    }

    /** An IPv6 address with or without brackets, a name with or without its final dot: one spelling. */
    private static String normalise(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
