package io.orgshell.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the sandbox saw and did, the same data as {@code GET /__sandbox/stats}:
 * requests per {@code "METHOD /path/{template}"}, 429s sent, faults injected, and per account ID the number
 * of state-changing requests that succeeded.
 */
public final class SandboxStats {

    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> writes = new ConcurrentHashMap<>();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final LongAdder tricklesToTheEnd = new LongAdder();

    /** Requests per {@code "METHOD template"}, sorted by key. */
    public Map<String, Long> requests() {
        return snapshot(requests);
    }

    public long requests(String methodAndTemplate) {
        LongAdder a = requests.get(methodAndTemplate);
        return a == null ? 0 : a.sum();
    }

    /** All API requests counted. */
    public long totalRequests() {
        return requests.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Number of 429 answers sent (rate limit, 429 bursts and scripted 429s). */
    public long throttled() {
        return throttled.sum();
    }

    /** Number of faults injected (random and scripted). */
    public long faults() {
        return faults.sum();
    }

    /** Successful state-changing requests per account ID, sorted by key. */
    public Map<String, Long> writes() {
        return snapshot(writes);
    }

    public long writes(String accountId) {
        LongAdder a = writes.get(accountId);
        return a == null ? 0 : a.sum();
    }

    /**
     * Trickled answers (fault {@code trickle}) that came to their last piece: one a client cut off at its deadline
     * never does.
     */
    public long tricklesToTheEnd() {
        return tricklesToTheEnd.sum();
    }

    void countRequest(String methodAndTemplate) {
        requests.computeIfAbsent(methodAndTemplate, k -> new LongAdder()).increment();
    }

    void countWrite(String accountId) {
        writes.computeIfAbsent(accountId, k -> new LongAdder()).increment();
    }

    void countThrottled() {
        throttled.increment();
    }

    void countFault() {
        faults.increment();
    }

    void countTrickleToTheEnd() {
        tricklesToTheEnd.increment();
    }

    void reset() {
        requests.clear();
        writes.clear();
        throttled.reset();
        faults.reset();
        tricklesToTheEnd.reset();
    }

    /** The JSON object of {@code GET /__sandbox/stats}. */
    Map<String, Object> toJson() {
        return Json.obj("requests", requests(), "throttled", throttled(), "faults", faults(), "writes", writes());
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
