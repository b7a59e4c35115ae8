package io.orgshell.sandbox;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox org: a real HTTP server on 127.0.0.1 speaking Atlassian's admin REST API contract (v1 org API
 * under {@code /admin/v1}, v2 directory API under {@code /admin/v2}, user-management API under {@code /users}),
 * plus test endpoints under {@code /__sandbox/} (see {@link TestEndpoints}).
 *
 * <p>What happens to an API request, in order: it is counted; the rate limiter (see {@link RateLimiter}) and a
 * pending 429 burst may refuse it; a scripted fault ({@link FaultScript}) may replace it; the bearer key is
 * checked; a random fault may replace it; then the handler runs. Every answer leaves {@code latencyMs} after
 * the request arrived (the sandbox's own work counts towards it, as a real server's does towards its response
 * time) and carries the {@code X-RateLimit-*} headers. Faults that replace a request come before any state change, so a
 * write that meets one is not applied; only the "slow response" fault applies the write and answers late.
 *
 * <p>Threads: a pool of {@value #THREADS} daemon threads, so that injected latency does not serialise requests.
 */
public final class SandboxServer implements AutoCloseable {

    static final int THREADS = 256;

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK,
        // adding ~40 ms to every answer. The JDK reads this property once, when its first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final String UNMATCHED = "(unmatched)";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final SandboxConfig config;
    private volatile HttpServer http;
    private boolean serving = true;
    private final ExecutorService pool;
    private final URI baseUri;
    private final SandboxOrg org;
    private final SandboxStats stats = new SandboxStats();
    /** Every start is a new org, though a seed gives it the same org ID: this tells the starts apart. */
    private final String instanceId = UUID.randomUUID().toString();

    private final FaultScript faults = new FaultScript();
    private final RateLimiter limiter;
    private final RandomFaults randomFaults;
    private final AtomicInteger pendingBurst = new AtomicInteger();
    private final List<Filter> apiFilters = new CopyOnWriteArrayList<>();
    private final Router router = new Router();
    private final TestEndpoints testEndpoints = new TestEndpoints(this);
    private final AccessState accessState;
    private final SandboxTokens tokens;

    private SandboxServer(SandboxConfig requested, InstantSource rateClock) throws IOException {
        String orgId = requested.effectiveOrgId();
        this.org = new SandboxOrg(
                orgId,
                requested.seed(),
                requested.users(),
                requested.hostileStrings(),
                requested.directories(),
                requested.singleDomain());
        this.limiter = new RateLimiter(requested.ratePerSecond(), rateClock);
        this.randomFaults = new RandomFaults(requested.faultRate(), requested.seed());
        this.http = bind(requested.port());
        int port = http.getAddress().getPort();
        this.config = requested.withPort(port).withOrgId(orgId);
        this.baseUri = URI.create("http://127.0.0.1:" + port);
        SandboxContext ctx =
                new SandboxContext(org, stats, config, baseUri.toString(), faults.staleReads(), faults.listedTwice());
        new OrgApiV1(ctx, faults).register(router);
        new DirectoryApiV1(ctx).register(router);
        new DirectoryApiV2(ctx).register(router);
        new GroupRoleAssignments(ctx).register(router);
        new UserManagementApi(ctx).register(router);
        this.accessState = new AccessState(requested.seed());
        new Workspaces(ctx).register(router);
        new UserRoles(ctx, accessState).register(router);
        new AuthPolicies(ctx, accessState, faults.policyTasks()).register(router);
        this.tokens = new SandboxTokens(org, requested.seed());
        new ApiTokensApi(ctx, tokens).register(router);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        serve(http);
    }

    /** Port 0 binds a free port; the real one is read back from the server. */
    private static HttpServer bind(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    }

    private void serve(HttpServer server) {
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Seeds the org and starts serving. */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        return new SandboxServer(config, InstantSource.system());
    }

    /** The same, its rate limit kept on {@code rateClock}: a test moves time on instead of sleeping through it. */
    static SandboxServer start(SandboxConfig config, InstantSource rateClock) throws IOException {
        return new SandboxServer(config, rateClock);
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The configuration in force: the real port and org ID filled in. */
    public SandboxConfig config() {
        return config;
    }

    public String orgId() {
        return org.id();
    }

    public String orgName() {
        return org.name();
    }

    public String apiKey() {
        return config.apiKey();
    }
    /** The seeded org admin that owns the API key. */
    public String callerAccountId() {
        return org.callerAccountId();
    }
    /** Made at start, kept across {@link #reset()} and a restart of serving: the same server, the same org. */
    public String instanceId() {
        return instanceId;
    }

    public SandboxOrgAccess access() {
        return new SandboxOrgAccess(baseUri, orgId(), apiKey(), callerAccountId(), instanceId);
    }

    public SandboxOrg org() {
        return org;
    }

    /** Product roles and authentication policies beside the accounts. */
    AccessState accessState() {
        return accessState;
    }

    public SandboxStats stats() {
        return stats;
    }

    /** The managed accounts' API tokens. */
    public SandboxTokens tokens() {
        return tokens;
    }

    public FaultScript faults() {
        return faults;
    }

    /** Back to the seeded state; clears stats, scripted faults, the rate limiter and a pending 429 burst. */
    public void reset() {
        org.reset();
        accessState.reset();
        tokens.reset();
        stats.reset();
        faults.clear();
        limiter.reset();
        randomFaults.reset();
        pendingBurst.set(0);
    }

    /**
     * Puts a filter in front of the API handlers (not {@code /__sandbox/}), on the server thread that serves each
     * exchange, for as long as the server lives. Package-private: it is the seam this package's tests record
     * exchanges through, which neither the product nor a user of {@link SandboxMain} has a use for.
     */
    void addApiFilter(Filter filter) {
        apiFilters.add(filter);
    }

    /**
     * Stops answering, as a server being restarted does: the port refuses connections and the connections open now
     * are closed, answers not yet sent are lost (a write being handled may still be applied). The org keeps its
     * state; {@link #startServing()} brings the same org back on the same port.
     */
    public synchronized void stopServing() {
        if (serving) {
            http.stop(0);
            serving = false;
        }
    }

    /** Serves again after {@link #stopServing()}; does nothing while serving. */
    public synchronized void startServing() throws IOException {
        if (serving) {
            return;
        }
        HttpServer next = bind(config.port());
        serve(next);
        http = next;
        serving = true;
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- request handling ----

    private void handle(HttpExchange ex) {
        try {
            String rawPath = ex.getRequestURI().getRawPath();
            if (rawPath.equals("/__sandbox") || rawPath.startsWith("/__sandbox/")) {
                testEndpoints.handle(
                        ex,
                        method(ex),
                        ex.getRequestURI().getPath(),
                        ex.getRequestBody().readAllBytes());
            } else {
                new Filter.Chain(apiFilters, this::serveApi).doFilter(ex);
            }
        } catch (Throwable t) {
            // the client sees the connection close; nothing else can be done for this exchange
            if (!(t instanceof IOException)) t.printStackTrace();
        } finally {
            ex.close();
        }
    }

    private static String method(HttpExchange ex) {
        return ex.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    private void serveApi(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String method = method(ex);
        String rawPath = ex.getRequestURI().getRawPath();
        long arrived = System.nanoTime();
        boolean v2Off = !config.v2Enabled() && (rawPath.equals("/admin/v2") || rawPath.startsWith("/admin/v2/"));
        Router.Match match = v2Off ? new Router.Match(null, Map.of(), null, Set.of()) : router.match(method, rawPath);
        String template = match.template() != null ? match.template() : UNMATCHED;
        stats.countRequest(method + " " + template);
        String path = ex.getRequestURI().getPath();
        ApiRequest req = new ApiRequest(
                method,
                path,
                template,
                match.params(),
                parseQuery(ex.getRequestURI().getRawQuery()),
                ex.getRequestHeaders(),
                body);

        RateLimiter.Decision decision = limiter.acquire();
        long slowMs = 0;
        Fault fault = null;
        ApiResponse resp;
        if (!decision.allowed()) {
            resp = throttled(decision.retryAfterNanos());
        } else if (takeBurst()) {
            resp = throttled(TimeUnit.SECONDS.toNanos(1));
        } else {
            fault = faults.take(method, template, path);
            if (fault != null) stats.countFault();
            if (fault != null && fault.kind() == Fault.Kind.RESPOND) {
                resp = scripted(fault);
            } else if (fault != null && fault.kind() == Fault.Kind.ECHO_KEY) {
                resp = echoKey(fault, req);
            } else if (fault != null && fault.kind() == Fault.Kind.ECHO_KEY_ESCAPED) {
                resp = echoKeyEscaped(fault, req);
            } else if (fault != null && fault.kind() == Fault.Kind.DROP) {
                resp = ApiResponse.DROP;
            } else {
                if (fault != null && fault.kind() == Fault.Kind.DELAY) faults.holdDelayed(fault.delayMs());
                resp = authFailure(req);
                if (resp == null) {
                    RandomFaults.Kind random = randomFaults.next();
                    if (random != null) stats.countFault();
                    resp = randomFault(random);
                    if (resp == null) resp = faults.staleReads().around(req, org, () -> dispatch(match, req));
                    if (random == RandomFaults.Kind.SLOW) slowMs = config.slowResponseMs();
                }
                if (fault != null && fault.kind() == Fault.Kind.LOST_ANSWER) resp = ApiResponse.DROP;
            }
        }
        sleep(config.latencyMs() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived) + slowMs);
        boolean trickle = fault != null && fault.kind() == Fault.Kind.TRICKLE;
        send(ex, resp, decision, trickle ? fault.delayMs() : 0);
    }

    private ApiResponse dispatch(Router.Match match, ApiRequest req) {
        if (!match.found()) {
            if (!match.allowedMethods().isEmpty()) {
                return notFoundOrNotAllowed(req, 405).withHeader("Allow", String.join(", ", match.allowedMethods()));
            }
            return notFoundOrNotAllowed(req, 404);
        }
        try {
            return match.handler().handle(req);
        } catch (RuntimeException e) {
            e.printStackTrace();
            return ErrorBodies.application(500, "ADMIN-500-1", "Internal error", "The sandbox failed: " + e);
        }
    }

    private static ApiResponse notFoundOrNotAllowed(ApiRequest req, int status) {
        if (req.path().startsWith("/users/"))
            return ErrorBodies.key(status, status == 404 ? "notFound" : "methodNotAllowed");
        return status == 404
                ? ErrorBodies.application(404, "ADMIN-404-1", "Unknown resource", "No resource at " + req.path())
                : ErrorBodies.application(
                        405,
                        "ADMIN-405-1",
                        "Method not supported",
                        req.method() + " is not supported on " + req.path());
    }

    /** 401 in the shape of the API the path belongs to, or null when the bearer key is right. */
    private ApiResponse authFailure(ApiRequest req) {
        List<String> auth = req.headers().get("Authorization");
        String value = auth != null && auth.size() == 1 ? auth.get(0) : "";
        // the scheme is case-insensitive (RFC 9110), the key is not
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && value.substring(7).equals(config.apiKey())) return null;
        if (req.path().startsWith("/users/")) return ErrorBodies.key(401, "unauthorized");
        return ErrorBodies.proxy(401, "Unauthorized; scope does not match");
    }

    private boolean takeBurst() {
        return pendingBurst.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private ApiResponse throttled(long retryAfterNanos) {
        stats.countThrottled();
        ApiResponse r = ErrorBodies.proxy(429, "Rate limit exceeded");
        long seconds = Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
        return switch (config.retryAfterMode()) {
            case SECONDS -> r.withHeader("Retry-After", Long.toString(seconds));
            // an HTTP date has whole seconds: round up so the date is never earlier than the real retry time
            case HTTP_DATE ->
                r.withHeader(
                        "Retry-After",
                        HTTP_DATE.format(Instant.now().plusSeconds(seconds + 1).truncatedTo(ChronoUnit.SECONDS)));
            case NONE -> r;
        };
    }

    private ApiResponse scripted(Fault fault) {
        if (fault.status() == 429) stats.countThrottled();
        Map<String, String> headers = new LinkedHashMap<>(fault.headers());
        byte[] bytes = fault.body() == null ? null : fault.body().getBytes(StandardCharsets.UTF_8);
        return new ApiResponse(fault.status(), headers, bytes);
    }

    private static ApiResponse echoKey(Fault fault, ApiRequest req) {
        List<String> auth = req.headers().get("Authorization");
        String quoted = "Authorization: " + (auth == null ? "" : String.join(", ", auth));
        return ErrorBodies.application(
                fault.status(),
                "ADMIN-" + fault.status() + "-1",
                "Bad request (" + quoted + ")",
                "Cannot process " + req.method() + " " + req.path() + " with " + quoted);
    }

    /** A server whose JSON writer escapes every character: the key is in the body only once it is decoded. */
    private static ApiResponse echoKeyEscaped(Fault fault, ApiRequest req) {
        ApiResponse plain = echoKey(fault, req);
        List<String> auth = req.headers().get("Authorization");
        if (auth == null || auth.isEmpty()) return plain;
        String header = String.join(", ", auth);
        StringBuilder escaped = new StringBuilder();
        header.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        String body = new String(plain.body(), StandardCharsets.UTF_8).replace(header, escaped);
        return new ApiResponse(plain.status(), plain.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse randomFault(RandomFaults.Kind kind) {
        if (kind == null) return null;
        return switch (kind) {
            case ERROR_500 -> ErrorBodies.application(500, "ADMIN-500-1", "Internal error", "Injected fault");
            case ERROR_502 -> ErrorBodies.proxy(502, "Bad Gateway");
            case ERROR_503 -> ErrorBodies.proxy(503, "Service Unavailable");
            case ERROR_503_RETRY_AFTER ->
                ErrorBodies.proxy(503, "Service Unavailable").withHeader("Retry-After", "1");
            case DROP -> ApiResponse.DROP;
            case SLOW -> null;
            case BURST_429 -> {
                pendingBurst.addAndGet(RandomFaults.BURST_EXTRA);
                yield throttled(TimeUnit.SECONDS.toNanos(1));
            }
        };
    }

    /** {@code pauseMs} above 0: the body goes in {@link Fault.Kind#TRICKLE_PIECES} pieces, that far apart. */
    private void send(HttpExchange ex, ApiResponse answer, RateLimiter.Decision d, long pauseMs) throws IOException {
        ApiResponse resp = pauseMs > 0 && answer.body() == null && !answer.isDrop() ? padded(answer) : answer;
        if (resp.isDrop()) {
            // Closing the exchange before any header is sent makes the JDK server close the socket, so the
            // client sees the connection end without a response (tested in FaultInjectionTest).
            ex.close();
            return;
        }
        var h = ex.getResponseHeaders();
        h.set("X-RateLimit-Limit", Long.toString(d.limit()));
        h.set("X-RateLimit-Remaining", Long.toString(d.remaining()));
        h.set("X-RateLimit-Reset", d.reset().toString());
        resp.headers().forEach(h::set);
        if (resp.body() != null && !h.containsKey("Content-Type")) h.set("Content-Type", "application/json");
        if (resp.body() == null) {
            ex.sendResponseHeaders(resp.status(), -1);
        } else {
            ex.sendResponseHeaders(resp.status(), resp.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                if (pauseMs <= 0) {
                    out.write(resp.body());
                    return;
                }
                byte[] body = resp.body();
                int pieces = Math.min(Fault.Kind.TRICKLE_PIECES, body.length);
                for (int i = 0; i < pieces; i++) {
                    // counted before the last piece goes, so a client that has the whole answer finds it counted
                    if (i + 1 == pieces) stats.countTrickleToTheEnd();
                    out.write(
                            body, body.length * i / pieces, body.length * (i + 1) / pieces - body.length * i / pieces);
                    out.flush();
                    if (i + 1 < pieces) sleep(pauseMs);
                }
            }
        }
    }

    /**
     * A bodiless answer (a write's 204) has nothing to trickle and a 204 can carry nothing: it goes as a 200 of
     * spaces, JSON's insignificant whitespace, one a piece, so that it takes as long as any trickled answer.
     */
    private static ApiResponse padded(ApiResponse resp) {
        return new ApiResponse(
                resp.status() == 204 ? 200 : resp.status(),
                resp.headers(),
                " ".repeat(Fault.Kind.TRICKLE_PIECES).getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return q;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static void sleep(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
