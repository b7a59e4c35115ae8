package io.orgshell.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whatever listens on a loopback port where no org is: it answers every request 404 and counts the requests and the
 * {@code Authorization} headers it was sent, so a test can say that no key reached it.
 */
public final class KeyCountingListener implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger authorizations = new AtomicInteger();

    public KeyCountingListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestHeaders().containsKey("Authorization")) {
                authorizations.incrementAndGet();
            }
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int requests() {
        return requests.get();
    }

    public int authorizations() {
        return authorizations.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
