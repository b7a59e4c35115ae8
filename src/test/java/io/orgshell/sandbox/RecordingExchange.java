package io.orgshell.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The exchange the sandbox's API handlers see while {@link ExchangeRecorder} listens. It holds the status line back
 * until the whole answer is known, records it, and only then lets it go out, so no client can have an answer whose
 * exchange is not recorded yet. A connection closed without an answer (a dropped request) is recorded with status 0.
 */
final class RecordingExchange extends HttpExchange {

    private final HttpExchange real;
    private final byte[] requestBody;
    private final InputStream requestStream;
    private final Consumer<RecordedExchange> recorder;
    private final Body body = new Body();
    private int status = -1;
    private long length;
    private boolean sent;

    RecordingExchange(HttpExchange real, byte[] requestBody, Consumer<RecordedExchange> recorder) {
        this.real = real;
        this.requestBody = requestBody;
        this.requestStream = new ByteArrayInputStream(requestBody);
        this.recorder = recorder;
    }

    @Override
    public void sendResponseHeaders(int code, long responseLength) throws IOException {
        status = code;
        length = responseLength;
        if (responseLength == -1) {
            send(new byte[0]);
        }
    }

    @Override
    public OutputStream getResponseBody() {
        return body;
    }

    @Override
    public void close() {
        if (status < 0 && !sent) {
            sent = true;
            recorder.accept(recorded(0, Map.of(), ""));
        } else if (!sent) {
            try {
                send(body.toByteArray());
            } catch (IOException e) {
                // the client is gone; closing is all that is left to do
            }
        }
        real.close();
    }

    private void send(byte[] bytes) throws IOException {
        if (sent) return;
        sent = true;
        recorder.accept(recorded(status, copy(real.getResponseHeaders()), new String(bytes, StandardCharsets.UTF_8)));
        real.sendResponseHeaders(status, length);
        if (length != -1) {
            try (OutputStream out = real.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private RecordedExchange recorded(int code, Map<String, List<String>> responseHeaders, String responseBody) {
        URI uri = real.getRequestURI();
        return new RecordedExchange(
                real.getRequestMethod().toUpperCase(Locale.ROOT),
                uri.getPath(),
                uri.getRawQuery(),
                copy(real.getRequestHeaders()),
                new String(requestBody, StandardCharsets.UTF_8),
                code,
                responseHeaders,
                responseBody);
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** Collects the answer's body; closing it sends the answer. */
    private final class Body extends ByteArrayOutputStream {
        @Override
        public void close() throws IOException {
            send(toByteArray());
        }
    }

    @Override
    public InputStream getRequestBody() {
        return requestStream;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public Headers getRequestHeaders() {
        return real.getRequestHeaders();
    }

    @Override
    public Headers getResponseHeaders() {
        return real.getResponseHeaders();
    }

    @Override
    public URI getRequestURI() {
        return real.getRequestURI();
    }

    @Override
    public String getRequestMethod() {
        return real.getRequestMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        return real.getHttpContext();
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return real.getRemoteAddress();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return real.getLocalAddress();
    }

    @Override
    public String getProtocol() {
        return real.getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return real.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        real.setAttribute(name, value);
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return real.getPrincipal();
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("the recorder owns the exchange's streams");
    }
}
