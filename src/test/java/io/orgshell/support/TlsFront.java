package io.orgshell.support;

import io.orgshell.sandbox.SandboxServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * TLS in front of a plain-HTTP server (the sandbox): it presents the {@link PrivateCa}'s server certificate on a
 * loopback port and pipes the decrypted bytes to the target, as an HTTPS endpoint re-signed by a company CA would.
 */
public final class TlsFront implements AutoCloseable {

    private final SSLServerSocket server;
    private final InetSocketAddress target;
    private final AtomicInteger handshakes = new AtomicInteger();

    /** The sandbox's API behind the {@link PrivateCa}'s certificate. */
    public static TlsFront before(SandboxServer sandbox) {
        return new TlsFront(
                PrivateCa.get(),
                new InetSocketAddress(
                        sandbox.baseUri().getHost(), sandbox.baseUri().getPort()));
    }

    public TlsFront(PrivateCa ca, InetSocketAddress target) {
        this.target = target;
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ca.serverKeyStore())) {
                keys.load(in, PrivateCa.PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PrivateCa.PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            server = (SSLServerSocket)
                    tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Pipes.daemon("tls-front", this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Completed TLS handshakes: a client that refused the certificate completes none. */
    public int handshakes() {
        return handshakes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Pipes.daemon("tls-front-conn", () -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try (client;
                Socket upstream = new Socket(target.getAddress(), target.getPort())) {
            client.startHandshake();
            handshakes.incrementAndGet();
            Pipes.both(client, upstream);
        } catch (IOException e) {
            // a refused certificate ends the handshake: that is the client's answer, not a failure of the front
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** Bytes both ways until either side closes. */
    static final class Pipes {

        private Pipes() {}

        static void both(Socket a, Socket b) throws IOException {
            Thread back = daemon("pipe", () -> copy(b, a));
            copy(a, b);
            try {
                back.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void copy(Socket from, Socket to) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buf = new byte[16 * 1024];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                // one side done is the exchange done: HTTP here never half-closes
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }

        static Thread daemon(String name, Runnable body) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            t.start();
            return t;
        }
    }
}
