package io.orgshell.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Faults queued by tests for the next matching requests, applied before (and instead of) random faults.
 *
 * <p>A matcher is {@code "METHOD /path/template"}, e.g. {@code "GET /admin/v1/orgs/{orgId}/users"} (templates
 * use {@code {orgId}}, {@code {accountId}}, {@code {directoryId}}, {@code {groupId}}, {@code {domainId}}); the
 * method may be {@code *}; a concrete path matches too; {@code "*"} alone matches every API request. Entries are
 * tried in the order they were added; each applies to its next {@code times} matching requests.
 *
 * <p>Over HTTP, {@code POST /__sandbox/faults} takes one such object or an array of them:
 * <pre>
 * {"match": "GET /admin/v1/orgs/{orgId}/users",  // or "*"
 *  "times": 2,                                   // default 1
 *  "type": "status" | "throttle" | "drop" | "lost-answer" | "delay" | "trickle" | "echo-key",
 *  "status": 503,                                // status, echo-key: the HTTP status (echo-key: 400); echo-key
 *                                                // answers an error quoting the Authorization header back
 *  "escaped": true,                              // echo-key: every character of the quote as a JSON escape (\\uXXXX)
 *  "body": {...} or "text",                      // status: the body (default: an application error)
 *  "headers": {"Retry-After": "2"},              // status: extra headers
 *  "retryAfter": 2,                              // throttle: Retry-After seconds (absent: no header)
 *  "delayMs": 1500}                              // delay: wait, then answer normally; trickle: the pause
 *                                                // between the 30 pieces the real answer is sent in
 *                                                // (a 204 goes as a 200 of 30 spaces)
 * </pre>
 * and {@code "type": "pages"} answers a listing with pages that never end: {@code 200} and
 * {@code {"data": <data>, "links": {"next": "<path>?cursor=C"}, "meta": {"total": <total>}}}, where C runs through
 * {@code "cursors"} in a cycle ({@code ["a", "b"]}: a cursor that loops), or is new on every page when no cursors are
 * given (a cursor that never repeats); {@code "data"} defaults to {@code []}, and {@code "meta"} is left out
 * without {@code "total"}.
 * {@code {"type": "stale-reads", "seconds": N}} makes reads lag behind writes (see {@link StaleReads}): after a
 * successful write, the v2 reads of that account show it as it was for N seconds ({@code 0}: no lag); it takes no
 * {@code match} or {@code times}.
 * {@code {"type": "listed-twice", "accountId": "..."}} makes the v2 user search list that account under either claim
 * status, as a search index that still holds its entry from before the account changed: a search for the managed
 * accounts and one for the unmanaged ones both find it; the count counts it once. It takes no {@code match} or
 * {@code times} and lasts until the script is cleared.
 * {@code {"type": "policy-task", "stuck": true}} keeps the next authentication-policy add-users task
 * {@code IN_PROGRESS} until the script is cleared; {@code {"type": "policy-task", "failUsers": ["a@x.com"]}} makes
 * the next task fail for those addresses (see {@link PolicyTaskFaults}); neither takes a {@code match}.
 * {@code {"type": "lapsed-domain", "domain": "eu.acme.example"}} shows that domain as {@code unverified} in the domain
 * list while its accounts stay managed (a verification that lapsed); it takes no {@code match}.
 * It answers {@code {"pending": n}}; {@code DELETE /__sandbox/faults} clears the script and the lag.
 *
 * <p>A {@code status} fault is answered without applying the request, so a 2xx plays a write that answers success
 * and changes nothing: {@code {"match": "PUT /users/{accountId}/manage/email", "times": 3, "type": "status",
 * "status": 204, "body": ""}} (an empty string: no body, as the contract's 204s), or, for the writes documented as
 * {@code 200} with a message (lifecycle delete and cancel-delete, the v1 suspend, restore and group membership
 * writes), {@code "status": 200, "body": {"message": "..."}}. The v2 suspend, restore, remove and membership writes
 * answer 204 like the email change.
 */
public final class FaultScript {

    public static final String ANY = "*";

    private static class Entry {
        final String method;
        final String pathOrTemplate;
        final Fault fault;
        int remaining;

        /** The fault for the request at {@code path}; a page of {@link Pages} is made for each request. */
        Fault next(String path) {
            return fault;
        }

        Entry(String match, int times, Fault fault) {
            String m = match.trim();
            if (m.equals(ANY)) {
                method = ANY;
                pathOrTemplate = ANY;
            } else {
                int space = m.indexOf(' ');
                if (space < 0)
                    throw new IllegalArgumentException("matcher must be \"*\" or \"METHOD /path\": " + match);
                method = m.substring(0, space).trim().toUpperCase(Locale.ROOT);
                pathOrTemplate = m.substring(space + 1).trim();
            }
            this.fault = fault;
            this.remaining = times;
        }

        boolean matches(String reqMethod, String template, String path) {
            boolean methodOk = method.equals(ANY) || method.equals(reqMethod);
            boolean pathOk =
                    pathOrTemplate.equals(ANY) || pathOrTemplate.equals(template) || pathOrTemplate.equals(path);
            return methodOk && pathOk;
        }
    }

    /** Endless pages of a listing, for clients that must notice a cursor that loops or never ends. */
    private static final class Pages extends Entry {
        final String data;
        final List<String> cursors;
        final Long total;
        int served;

        Pages(String match, int times, String data, List<String> cursors, Long total) {
            super(match, times, Fault.respond(200, "{}"));
            this.data = data;
            this.cursors = List.copyOf(cursors);
            this.total = total;
        }

        @Override
        Fault next(String path) {
            int n = served++;
            String cursor = cursors.isEmpty() ? "page-" + n : cursors.get(n % cursors.size());
            String body = "{\"data\":" + data + ",\"links\":{\"next\":\"" + path + "?cursor=" + cursor + "\"}"
                    + (total == null ? "" : ",\"meta\":{\"total\":" + total + "}") + "}";
            return Fault.respond(200, body, Map.of("Content-Type", "application/json"));
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final StaleReads staleReads = new StaleReads();
    private final PolicyTaskFaults policyTasks = new PolicyTaskFaults();
    private final Set<String> lapsedDomains = ConcurrentHashMap.newKeySet();
    private final Set<String> listedTwice = ConcurrentHashMap.newKeySet();
    private final Object delayed = new Object();
    /** Bumped by {@link #releaseDelayed}: a request held since an earlier count goes on. */
    private long releases;

    /** Requests waiting in {@link #holdDelayed} now. */
    private int holding;

    /** Queues {@code fault} for the next {@code times} requests matching {@code match}. */
    public synchronized FaultScript add(String match, int times, Fault fault) {
        if (times < 1) throw new IllegalArgumentException("times must be at least 1");
        if (fault == null) throw new IllegalArgumentException("fault must be set");
        entries.add(new Entry(match, times, fault));
        return this;
    }

    /** Queues {@code fault} for the next request matching {@code match}. */
    public FaultScript add(String match, Fault fault) {
        return add(match, 1, fault);
    }

    public synchronized void clear() {
        entries.clear();
        lapsedDomains.clear();
        staleReads.clear();
        policyTasks.clear();
        listedTwice.clear();
    }

    /** The v2 user search lists the account under either claim status, until the script is cleared. */
    public void listTwice(String accountId) {
        listedTwice.add(accountId);
    }

    /** The accounts {@link #listTwice} names, as the searches see them (live). */
    Set<String> listedTwice() {
        return listedTwice;
    }

    /**
     * The next authentication-policy add-users task stays in progress ({@code stuck}, until the script is cleared),
     * or fails for the addresses in {@code failUsers}.
     */
    public void policyTask(boolean stuck, Set<String> failUsers) {
        policyTasks.add(stuck, failUsers);
    }

    PolicyTaskFaults policyTasks() {
        return policyTasks;
    }

    /**
     * The domain list shows {@code domain} as {@code unverified} (its verification lapsed), while the accounts on it
     * stay managed: a client that reads the managed accounts domain by domain misses them.
     */
    public void lapseDomain(String domain) {
        lapsedDomains.add(domain.toLowerCase(Locale.ROOT));
    }

    boolean lapsed(String domain) {
        return domain != null && lapsedDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** Makes the reads of an account lag {@code lag} behind each successful write to it. */
    public void staleReads(Duration lag) {
        staleReads.arm(lag);
    }

    StaleReads staleReads() {
        return staleReads;
    }

    /**
     * Lets every request that a {@link Fault.Kind#DELAY} holds go on now, as if its delay were over: a test holds a
     * write for as long as it needs the writer busy, not for a guess at how long that is.
     */
    public void releaseDelayed() {
        synchronized (delayed) {
            releases++;
            delayed.notifyAll();
        }
    }

    /** Holds the calling request for a delay fault: {@code ms}, or until {@link #releaseDelayed}. */
    void holdDelayed(long ms) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        synchronized (delayed) {
            long heldSince = releases;
            long left;
            holding++;
            try {
                while (releases == heldSince && (left = end - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(delayed, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                holding--;
            }
        }
    }

    /**
     * How many requests a delay fault holds now: a {@link #releaseDelayed} reaches exactly these (a request that
     * matched a delay but has not started to wait yet would miss it and wait its whole delay).
     */
    public int holding() {
        synchronized (delayed) {
            return holding;
        }
    }

    /** Faults still to be applied, summed over entries. */
    public synchronized int pending() {
        return entries.stream().mapToInt(e -> e.remaining).sum();
    }

    /** Takes the fault for this request, if one is queued. */
    synchronized Fault take(String method, String template, String path) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.matches(method, template, path)) {
                if (--e.remaining == 0) it.remove();
                return e.next(path);
            }
        }
        return null;
    }

    /** Adds the fault(s) of a {@code POST /__sandbox/faults} body (see the class comment). */
    void addFromJson(JsonNode node) {
        if (node == null) throw new IllegalArgumentException("body must be a JSON object or array");
        if (node.isArray()) {
            for (JsonNode n : node) addFromJson(n);
            return;
        }
        if (!node.isObject()) throw new IllegalArgumentException("body must be a JSON object or array");
        String match = node.path("match").asString(ANY);
        int times = node.path("times").asInt(1);
        String type = node.path("type").asString("status");
        if (type.equals("stale-reads")) {
            int seconds = node.path("seconds").asInt(-1);
            if (seconds < 0) throw new IllegalArgumentException("stale-reads needs \"seconds\": 0 or more");
            staleReads(Duration.ofSeconds(seconds));
            return;
        }
        if (type.equals("listed-twice")) {
            String accountId = node.path("accountId").asString("");
            if (accountId.isBlank()) throw new IllegalArgumentException("listed-twice needs \"accountId\"");
            listTwice(accountId);
            return;
        }
        if (type.equals("policy-task")) {
            Set<String> failing = new HashSet<>();
            node.path("failUsers").forEach(u -> failing.add(u.asString()));
            policyTask(node.path("stuck").asBoolean(false), failing);
            return;
        }
        if (type.equals("lapsed-domain")) {
            String domain = node.path("domain").asString("");
            if (domain.isBlank()) throw new IllegalArgumentException("lapsed-domain needs \"domain\"");
            lapseDomain(domain);
            return;
        }
        if (type.equals("pages")) {
            List<String> cursors = new ArrayList<>();
            node.path("cursors").forEach(c -> cursors.add(c.asString()));
            JsonNode data = node.get("data");
            if (times < 1) throw new IllegalArgumentException("times must be at least 1");
            synchronized (this) {
                entries.add(new Pages(
                        match,
                        times,
                        data == null || data.isNull() ? "[]" : data.toString(),
                        cursors,
                        node.has("total") ? node.get("total").asLong() : null));
            }
            return;
        }
        Fault fault = switch (type) {
            case "status" -> {
                int status = node.path("status").asInt(0);
                if (status < 100 || status > 599) throw new IllegalArgumentException("status must be 100..599");
                JsonNode body = node.get("body");
                String text = body == null || body.isNull()
                        ? Fault.applicationErrorBody(status)
                        : body.isString() ? body.asString() : body.toString();
                Map<String, String> headers = new LinkedHashMap<>();
                node.path("headers")
                        .properties()
                        .forEach(p -> headers.put(p.getKey(), p.getValue().asString()));
                yield Fault.respond(status, text, headers);
            }
            case "throttle" ->
                Fault.throttle(node.has("retryAfter") ? node.get("retryAfter").asInt() : null);
            case "drop" -> Fault.drop();
            case "lost-answer" -> Fault.lostAnswer();
            case "delay" -> Fault.delay(node.path("delayMs").asLong(0));
            case "trickle" -> Fault.trickle(node.path("delayMs").asLong(1000));
            case "echo-key" ->
                node.path("escaped").asBoolean(false)
                        ? Fault.echoKeyEscaped(node.path("status").asInt(400))
                        : Fault.echoKey(node.path("status").asInt(400));
            default ->
                throw new IllegalArgumentException("type must be status, throttle, drop, delay, trickle, "
                        + "lost-answer, echo-key, pages, stale-reads, listed-twice, policy-task or lapsed-domain: "
                        + type);
        };
        add(match, times, fault);
    }
}
