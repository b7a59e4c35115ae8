package io.orgshell.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.http.HttpHeaders;

/**
 * Sends a search on the calling thread over the JDK's own HTTP connection, for the long page walks of an export: a
 * request through Reactor Netty costs some 2 ms of CPU at 20 ms of latency (two thread hand-overs and an event loop
 * waking for every piece of the answer), one read on the calling thread a third of that, which on 1,000 pages is
 * seconds. Only for a direct route: through a proxy every request takes the reactive path, whose tunnel and proxy
 * credentials are Reactor Netty's. What the answer means (status, errors, rate limits) is decided by
 * {@link ApiTransport}, for both paths alike.
 */
final class PageReader implements AutoCloseable {

    /** Keep-alive connections kept per host: one for each slice of an export walked at once, and some to spare. */
    static final int KEEP_ALIVE = 10;

    static {
        // read once, when the JDK's keep-alive cache is first used: with its default of 5, one of six slices walked at
        // once would open a new connection (and a TLS handshake) for every page
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", String.valueOf(KEEP_ALIVE));
        }
    }

    /** What came back, before anyone judged it. */
    record Answer(int status, HttpHeaders headers, byte[] body) {}

    /** The whole answer did not arrive within the response deadline. */
    static final class DeadlineException extends TimeoutException {}

    private final ApiClientSettings settings;
    private final SSLSocketFactory tls;
    private final int maxBody;
    private final ScheduledExecutorService deadlines;

    /** @param tls whom an https base URL may present a certificate from; null for Java's default trust */
    PageReader(ApiClientSettings settings, SSLSocketFactory tls, int maxBody) {
        this.settings = settings;
        this.tls = tls;
        this.maxBody = maxBody;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "orgshell-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
    }

    /**
     * POSTs {@code body} and reads the whole answer. A redirect is not followed (the caller refuses it), an answer
     * larger than the limit is refused, and the answer is cut at the response deadline: until its headers have come
     * by closing the connection from a timer, then between the pieces of its body (each piece bounded by the read
     * timeout), so a server that trickles is cut within a read timeout of the deadline. The body goes out with the
     * headers, not streamed: a 401 keeps its message, and the JDK may send the search again on a connection it found
     * closed, which changes nothing.
     */
    Answer post(URI uri, byte[] body, String authorization) throws IOException, DeadlineException {
        long deadline = System.nanoTime() + settings.responseDeadline().toNanos();
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        if (tls != null && c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls);
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout((int) settings.connectTimeout().toMillis());
        c.setReadTimeout((int) settings.readTimeout().toMillis());
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty(HttpHeaders.AUTHORIZATION, authorization);
        c.setRequestProperty(HttpHeaders.ACCEPT, "application/json");
        c.setRequestProperty(HttpHeaders.CONTENT_TYPE, "application/json");
        ScheduledFuture<?> cut = deadlines.schedule(c::disconnect, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        int status;
        try {
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            status = c.getResponseCode();
        } catch (IOException e) {
            if (cut.cancel(false)) {
                throw e;
            }
            throw new DeadlineException();
        }
        if (!cut.cancel(false)) {
            c.disconnect();
            throw new DeadlineException();
        }
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            byte[] bytes = in == null ? new byte[0] : body(in, c.getContentLengthLong(), deadline);
            return new Answer(status, headers(c), bytes);
        } catch (IOException | DeadlineException e) {
            c.disconnect();
            throw e;
        }
    }

    /**
     * The body, read into one array of the announced length when there is one (a page is then allocated once, not
     * twice), checking the deadline before each read.
     */
    private byte[] body(InputStream in, long announced, long deadline) throws IOException, DeadlineException {
        if (announced > maxBody) {
            throw tooLarge();
        }
        byte[] body = new byte[announced >= 0 ? (int) announced : 16 * 1024];
        int length = 0;
        while (true) {
            if (length == body.length) {
                if (announced >= 0) {
                    break;
                }
                if (body.length >= maxBody) {
                    if (in.read() < 0) {
                        break;
                    }
                    throw tooLarge();
                }
                body = Arrays.copyOf(body, (int) Math.min(maxBody, 2L * body.length));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DeadlineException();
            }
            int n = in.read(body, length, body.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        if (announced >= 0 && length < announced) {
            throw new IOException("Premature EOF");
        }
        return length == body.length ? body : Arrays.copyOf(body, length);
    }

    private IOException tooLarge() {
        return new IOException("the answer is larger than " + (maxBody >> 20) + " MB");
    }

    private static HttpHeaders headers(HttpURLConnection c) {
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
            if (h.getKey() != null) { // the status line
                headers.addAll(h.getKey(), h.getValue());
            }
        }
        return headers;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
