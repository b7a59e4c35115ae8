package io.orgshell.support;

import io.orgshell.sandbox.ExchangeRecorder;
import io.orgshell.sandbox.RecordedExchange;
import io.orgshell.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The API exchanges of a sandbox shared by a test class, test by test: {@link #startOn} before each test attaches
 * the recorder once per server and forgets the exchanges of the test before.
 */
public final class ExchangeLog {

    private final List<RecordedExchange> exchanges = new ArrayList<>();
    private SandboxServer recording;

    public synchronized void startOn(SandboxServer server) {
        if (recording != server) {
            ExchangeRecorder.onExchange(server, this::add);
            recording = server;
        }
        exchanges.clear();
    }

    private synchronized void add(RecordedExchange e) {
        exchanges.add(e);
    }

    /** The exchanges so far, a copy: the server's threads go on adding to the log. */
    public synchronized List<RecordedExchange> snapshot() {
        return List.copyOf(exchanges);
    }
}
