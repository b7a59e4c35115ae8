package io.orgshell.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Hands every API exchange of a sandbox (not {@code /__sandbox/}) to a listener, on the server thread that serves
 * it and before the answer leaves: once a client has its answer, the exchange has been recorded. Recording is for
 * tests (the contract tests validate what went over the wire, benchmarks time the writes), so it lives here and
 * reaches the server through its package-private filter seam.
 */
public final class ExchangeRecorder extends Filter {

    private final Consumer<RecordedExchange> listener;

    private ExchangeRecorder(Consumer<RecordedExchange> listener) {
        this.listener = listener;
    }

    /** From now on, for as long as the server lives (resets and restarts included). */
    public static void onExchange(SandboxServer server, Consumer<RecordedExchange> listener) {
        server.addApiFilter(new ExchangeRecorder(listener));
    }

    /**
     * Hands {@code "METHOD /path"} of every API request to {@code listener} before the sandbox handles it: a fault
     * the listener queues applies to this very request.
     */
    public static void onArrival(SandboxServer server, Consumer<String> listener) {
        server.addApiFilter(new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                try {
                    listener.accept(exchange.getRequestMethod() + " "
                            + exchange.getRequestURI().getPath());
                } catch (RuntimeException ignored) {
                    // a listener's failure must not break the server
                }
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return "tells tests of API requests as they arrive";
            }
        });
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        chain.doFilter(new RecordingExchange(exchange, exchange.getRequestBody().readAllBytes(), this::deliver));
    }

    private void deliver(RecordedExchange e) {
        try {
            listener.accept(e);
        } catch (RuntimeException ignored) {
            // a listener's failure must not break the server
        }
    }

    @Override
    public String description() {
        return "records API exchanges for tests";
    }
}
