package io.orgshell.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward proxy that only tunnels (CONNECT), as corporate proxies do for https. It knows names nobody else does
 * ({@link #knows}: a name only it can resolve), answers 502 for any other, and, when given a user and password,
 * answers 407 to a CONNECT without the right {@code Proxy-Authorization: Basic}. It records every request line it
 * was sent and every credential it was offered.
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, InetAddress> names = new ConcurrentHashMap<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> credentialsOffered = new CopyOnWriteArrayList<>();
    private volatile String requiredCredentials;

    public ConnectProxy() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TlsFront.Pipes.daemon("connect-proxy", this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code name} resolves, here only, to the loopback address. */
    public ConnectProxy knows(String name) {
        names.put(name.toLowerCase(Locale.ROOT), InetAddress.getLoopbackAddress());
        return this;
    }

    /** From now on a tunnel needs this user and password; null: anyone may connect. */
    public void requireCredentials(String user, String password) {
        requiredCredentials = user == null ? null : user + ":" + password;
    }

    /** "CONNECT api.orgshell.test:4431 HTTP/1.1", ... in the order they came. */
    public List<String> requestLines() {
        return new ArrayList<>(requestLines);
    }

    public long connects() {
        return requestLines.stream().filter(l -> l.startsWith("CONNECT ")).count();
    }

    /** "user:password" of each Basic Proxy-Authorization sent, decoded. */
    public List<String> credentialsOffered() {
        return new ArrayList<>(credentialsOffered);
    }

    public void reset() {
        requestLines.clear();
        credentialsOffered.clear();
        requiredCredentials = null;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                TlsFront.Pipes.daemon("connect-proxy-conn", () -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            requestLines.add(requestLine);
            String offered = null;
            for (String h; !(h = line(in)).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon > 0
                        && h.substring(0, colon).strip().equalsIgnoreCase("Proxy-Authorization")
                        && h.substring(colon + 1).strip().regionMatches(true, 0, "Basic ", 0, 6)) {
                    offered = new String(
                            Base64.getDecoder()
                                    .decode(h.substring(colon + 1)
                                            .strip()
                                            .substring(6)
                                            .strip()),
                            StandardCharsets.UTF_8);
                    credentialsOffered.add(offered);
                }
            }
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || !parts[0].equals("CONNECT")) {
                answer(out, "405 Method Not Allowed", "");
                return;
            }
            String required = requiredCredentials;
            if (required != null && !required.equals(offered)) {
                answer(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"corp\"\r\n");
                return;
            }
            int colon = parts[1].lastIndexOf(':');
            InetAddress address = names.get(parts[1].substring(0, colon).toLowerCase(Locale.ROOT));
            if (address == null) {
                answer(out, "502 Bad Gateway", "");
                return;
            }
            Socket upstream = new Socket(address, Integer.parseInt(parts[1].substring(colon + 1)));
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            TlsFront.Pipes.both(client, upstream);
        } catch (IOException | RuntimeException e) {
            TlsFront.Pipes.closeQuietly(client);
        }
    }

    private static void answer(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.close();
    }

    /** One header line, without its CRLF; the bytes are read one at a time so that none of the tunnel is taken. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
