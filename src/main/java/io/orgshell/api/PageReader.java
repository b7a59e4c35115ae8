package io.orgshell.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
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
     * larger than the limit is refused, and the connection is cut at the response deadline.
     */
    Answer post(URI uri, byte[] body, String authorization) throws IOException, DeadlineException {
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
        c.setFixedLengthStreamingMode(body.length);
        c.setRequestProperty(HttpHeaders.AUTHORIZATION, authorization);
        c.setRequestProperty(HttpHeaders.ACCEPT, "application/json");
        c.setRequestProperty(HttpHeaders.CONTENT_TYPE, "application/json");
        ScheduledFuture<?> deadline =
                deadlines.schedule(c::disconnect, settings.responseDeadline().toMillis(), TimeUnit.MILLISECONDS);
        try {
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            byte[] bytes;
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                bytes = in == null ? new byte[0] : body(in, c.getContentLengthLong());
            }
            if (bytes.length > maxBody) {
                c.disconnect();
                throw new IOException("the answer is larger than " + (maxBody >> 20) + " MB");
            }
            return new Answer(status, headers(c), bytes);
        } catch (IOException e) {
            if (deadline.isDone() && !deadline.isCancelled()) {
                throw new DeadlineException();
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    /** Read into one array of the announced length when there is one: a page is then allocated once, not twice. */
    private byte[] body(InputStream in, long announced) throws IOException {
        if (announced < 0 || announced > maxBody) {
            return in.readNBytes(maxBody + 1);
        }
        byte[] body = new byte[(int) announced];
        if (in.readNBytes(body, 0, body.length) < body.length) {
            throw new IOException("Premature EOF");
        }
        return body;
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
