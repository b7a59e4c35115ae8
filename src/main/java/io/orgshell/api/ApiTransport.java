package io.orgshell.api;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.orgshell.core.Sanitizer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.X509ExtendedTrustManager;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.core.codec.ByteArrayEncoder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way to the admin REST APIs of an organization, over WebClient, that every API's client
 * ({@link OrganizationsClient}, {@link DirectoryClient}, {@link UserManagementClient}) sends its requests through.
 * Every request goes through {@link #exchange}: one place that authenticates, paces requests with the
 * {@link RateGovernor}, maps every error shape to {@link ApiException} or {@link ApiConnectionException}, and retries
 * per {@link RetryPolicy}. List endpoints are walked cursor by cursor, each page fetched only when the previous one
 * has been consumed. The one exception is the export's long page walks on a direct route
 * ({@link #searchPagesAhead}): sent on a thread of their own over the JDK's connection, they are paced, judged,
 * retried and worded by the same governor, {@link #answer}, {@link RetryPolicy} and {@link TransportFailures}.
 */
public final class ApiTransport implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final ApiClientSettings settings;
    private final ProxyChoice proxy;
    private final ApiKey key;
    private final JsonMapper json;
    private final ApiErrorParser errors;
    private final RetryPolicy retry;
    private final TransportFailures failures;
    private final RateGovernor governor = new RateGovernor();
    private final ConnectionProvider connections;
    private final WebClient web;
    /** The export's page walks on the calling thread; null behind a proxy, where they take the reactive path. */
    private final PageReader pages;

    /** Straight to the base URL, trusting Java's default CAs. */
    public ApiTransport(ApiClientSettings settings, ApiKey key, JsonMapper json, RetryPolicy retry) {
        this(settings, key, json, retry, ProxyChoice.direct(null), null);
    }

    /**
     * @param proxy the way to the base URL: direct, or a CONNECT tunnel through an HTTP proxy
     * @param tls whom an https base URL may present a certificate from; null for Java's default trust
     */
    ApiTransport(
            ApiClientSettings settings,
            ApiKey key,
            JsonMapper json,
            RetryPolicy retry,
            ProxyChoice proxy,
            X509ExtendedTrustManager tls) {
        this.settings = settings;
        this.proxy = proxy;
        this.key = key;
        this.json = json;
        this.errors = new ApiErrorParser(json, key);
        this.retry = retry;
        this.failures = new TransportFailures(proxy, settings);
        this.connections = ConnectionProvider.builder("orgshell")
                .maxConnections(64)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(20))
                .build();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.readTimeout());
        if (!proxy.isDirect()) {
            // an HTTP proxy is always asked for a CONNECT tunnel (Netty's HttpProxyHandler), which TLS then runs in
            http = http.proxy(p -> {
                ProxyProvider.Builder b = p.type(ProxyProvider.Proxy.HTTP)
                        .host(proxy.host())
                        .port(proxy.port())
                        .connectTimeoutMillis(settings.connectTimeout().toMillis());
                if (proxy.hasCredentials()) {
                    b.username(proxy.user()).password(user -> proxy.password());
                }
            });
        }
        if (tls != null) {
            SslContext context = TlsTrust.context(tls);
            http = http.secure(spec -> spec.sslContext(context));
        }
        this.pages = proxy.isDirect()
                ? new PageReader(settings, tls == null ? null : TlsTrust.sockets(tls), MAX_BODY_BYTES)
                : null;
        this.web = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(ApiTransport::bytesOnly)
                .build();
    }

    /**
     * Bodies go out and come in as bytes, (de)serialised here with Jackson: the default codec set would be searched
     * for a reader on every answer and would initialise multipart, XML and JSON codecs nobody uses.
     */
    private static void bytesOnly(ClientCodecConfigurer codecs) {
        codecs.registerDefaults(false);
        ByteArrayDecoder decoder = new ByteArrayDecoder();
        decoder.setMaxInMemorySize(MAX_BODY_BYTES);
        codecs.customCodecs().register(decoder);
        codecs.customCodecs().register(new ByteArrayEncoder());
    }

    /** How many accounts one v2 search may name (setting {@code orgshell.search.batch-size}). */
    int searchBatch() {
        return settings.searchBatch();
    }

    /** Whether preview may look accounts up instead of reading the whole directory ({@code orgshell.search.look-up}). */
    boolean looksUpAccounts() {
        return settings.lookUpAccounts();
    }

    public String orgId() {
        return settings.orgId();
    }

    public URI baseUrl() {
        return settings.baseUrl();
    }

    /** The way requests travel: "direct", or the proxy (never its credentials) and the setting that named it. */
    public String route() {
        return proxy.toString();
    }

    /** The pace of the requests, shared by every API's client and every command of the session. */
    public RateGovernor governor() {
        return governor;
    }

    /**
     * A request whose answer is only its status: the writes, here and in the directory API. The status
     * (a 2xx) is handed on, so a run records what the API actually answered.
     */
    Mono<Integer> write(HttpMethod method, String template, Map<String, String> vars, Object body) {
        return exchange(method, template, uri(expand(template, vars), NO_QUERY), body, false)
                .map(Response::status);
    }

    /** A write whose answer has a body to read (an asynchronous task): sent once, never retried as a read is. */
    <T> Mono<T> send(String template, Map<String, String> vars, Object body, Class<T> type) {
        return exchange(HttpMethod.POST, template, uri(expand(template, vars), NO_QUERY), body, false)
                .map(r -> read(r.body(), type, r.request()));
    }

    <T> Mono<T> get(String template, Map<String, String> vars, Map<String, String> query, Class<T> type) {
        return get(template, vars, MultiValueMap.fromSingleValue(query), type);
    }

    /** A GET whose query may repeat a parameter ({@code privileges=a&privileges=b}). */
    <T> Mono<T> get(String template, Map<String, String> vars, MultiValueMap<String, String> query, Class<T> type) {
        return exchange(HttpMethod.GET, template, uri(expand(template, vars), query), null, true)
                .map(r -> read(r.body(), type, r.request()));
    }

    /** A POST that only reads (a search): retried like a GET, since sending it again changes nothing. */
    <T> Mono<T> search(String template, Map<String, String> vars, Object body, Class<T> type) {
        return exchange(HttpMethod.POST, template, uri(expand(template, vars), NO_QUERY), body, true)
                .map(r -> read(r.body(), type, r.request()));
    }

    /**
     * Follows {@code links.next} to the last page. Each page is fetched when downstream asks for it and nothing keeps
     * a page once it has been emitted, so a consumer that writes a page before requesting the next holds one page at
     * a time however many pages there are. ({@code expand}, not a recursive {@code concat}: each level of the latter
     * keeps its page reachable until the whole listing completes.)
     */
    <P extends ListPage> Flux<P> pages(
            String template, Map<String, String> vars, Map<String, String> query, Class<P> type) {
        return CursorWalk.pages("GET " + template, cursor -> get(template, vars, withCursor(query, cursor), type));
    }

    /**
     * A POST search followed to its last page: the cursor goes back in the body with the same filters, as the v2
     * search endpoints take it (CONTRACT.md §4). A search naming its accounts fits one page unless the server caps
     * the page size below what was asked; the cursor is followed either way, so no account is silently left out.
     */
    <P extends ListPage> Flux<P> searchPages(
            String template, Map<String, String> vars, Map<String, Object> body, Class<P> type) {
        return CursorWalk.pages("POST " + template, cursor -> search(template, vars, withCursor(body, cursor), type));
    }

    /**
     * As {@link #searchPages}, for a walk whose reader is a thread of its own (an export's slice): on a direct route
     * the pages are fetched on a thread of the walk's, one page ahead ({@link ReadAhead}, {@link PageReader}); through
     * a proxy, as {@link #searchPages}.
     */
    <P extends ListPage> PageWalk<P> searchPagesAhead(
            String template, Map<String, String> vars, Map<String, Object> body, Class<P> type) {
        if (pages == null) {
            Stream<P> walk = searchPages(template, vars, body, type).toStream(1);
            return new PageWalk<>() {
                @Override
                public Iterator<P> iterator() {
                    return walk.iterator();
                }

                @Override
                public void close() {
                    walk.close(); // cancels the walk
                }
            };
        }
        URI uri = uri(expand(template, vars), NO_QUERY);
        String request = "POST " + template;
        return new ReadAhead<>(request, cursor -> searchNow(uri, request, withCursor(body, cursor), type));
    }

    /**
     * One search on the calling thread, paced, judged and retried as {@link #exchange} does it. Interrupted while it
     * waits, it fails with the interrupt as its cause and leaves the thread interrupted.
     */
    private <T> T searchNow(URI uri, String request, Object body, Class<T> type) {
        byte[] sent = json.writeValueAsBytes(body);
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                pause(governor.reserve(), request);
                if (Thread.currentThread().isInterrupted()) {
                    throw new ApiConnectionException("stopped before sending " + request, request, null);
                }
                PageReader.Answer a = pages.post(uri, sent, key.bearerHeader());
                return read(answer(a.status(), a.headers(), a.body(), request).body(), type, request);
            } catch (ApiException | ApiConnectionException e) {
                failure = e;
            } catch (IOException | PageReader.DeadlineException | RuntimeException e) {
                failure = failures.of(e, uri, request);
            }
            Duration wait = retry.waitBeforeRetry(request, true, failure, attempt)
                    .orElseThrow(() -> failure instanceof RetryPolicy.TransportFailure t
                            ? new ApiConnectionException(t.getMessage(), request, t.getCause())
                            : failure);
            pause(wait, request);
        }
    }

    private static void pause(Duration wait, String request) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("stopped while waiting to send " + request, request, e);
        }
    }

    private static <V> Map<String, V> withCursor(Map<String, V> params, String cursor) {
        if (cursor == null) {
            return params;
        }
        Map<String, V> out = new LinkedHashMap<>(params);
        @SuppressWarnings("unchecked")
        V value = (V) cursor;
        out.put("cursor", value);
        return out;
    }

    private static final byte[] NO_BODY = new byte[0];
    private static final MultiValueMap<String, String> NO_QUERY = MultiValueMap.fromSingleValue(Map.of());

    /** The body stays bytes: Jackson reads UTF-8 bytes faster than a decoded String (it shows on a long export). */
    record Response(int status, byte[] body, String request) {}

    Mono<Response> exchange(HttpMethod method, String template, URI uri, Object body, boolean idempotent) {
        String request = method.name() + " " + template;
        Mono<Response> once = Mono.defer(() -> {
                    WebClient.RequestBodySpec spec = web.method(method)
                            .uri(uri)
                            .header(HttpHeaders.AUTHORIZATION, key.bearerHeader())
                            .accept(MediaType.APPLICATION_JSON);
                    WebClient.RequestHeadersSpec<?> ready = body == null
                            ? spec
                            : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(body));
                    // the deadline counts from the request, not from the wait for the rate governor before it
                    return governor.acquire()
                            .then(ready.exchangeToMono(resp -> resp.bodyToMono(byte[].class)
                                            .defaultIfEmpty(NO_BODY)
                                            .map(bytes -> answer(
                                                    resp.statusCode().value(),
                                                    resp.headers().asHttpHeaders(),
                                                    bytes,
                                                    request)))
                                    .timeout(
                                            settings.responseDeadline(),
                                            Mono.error(TransportFailures.ResponseDeadlineException::new)));
                })
                .onErrorMap(
                        e -> !(e instanceof ApiException || e instanceof ApiConnectionException),
                        e -> failures.of(e, uri, request));
        return once.retryWhen(retry.forRequest(request, idempotent))
                .onErrorMap(
                        RetryPolicy.TransportFailure.class,
                        e -> new ApiConnectionException(e.getMessage(), request, e.getCause()));
    }

    /**
     * What an answer means, the same whichever way it came: the rate governor learns from it, a wait asked for that
     * is too long ends the request, an error status is thrown as {@link ApiException}, a redirect as a refusal.
     */
    private Response answer(int status, HttpHeaders headers, byte[] bytes, String request) {
        Duration wait = status >= 400 ? RateLimitHeaders.waitAskedFor(status, headers, Instant.now()) : null;
        Duration maxWait = settings.retry().maxWait();
        boolean tooLong = wait != null && wait.compareTo(maxWait) > 0;
        governor.observe(status, headers, tooLong ? maxWait : wait);
        if (tooLong && (status == 429 || status == 503)) {
            throw new ApiWaitTooLongException(wait, maxWait, request);
        }
        if (status >= 300 || status < 200) {
            // a 3xx is a proxy or a sign-on page in front of the API: nothing was done
            throw status >= 400
                    ? errors.parse(status, new String(bytes, StandardCharsets.UTF_8), request, wait)
                    : redirected(status, errors.redact(headers.getFirst(HttpHeaders.LOCATION)), request);
        }
        return new Response(status, bytes, request);
    }

    private static ApiException redirected(int status, String location, String request) {
        return new ApiException(
                status,
                "HTTP-" + status,
                "the API answered with a redirect"
                        + (location == null ? "" : " to " + location)
                        + ", not an answer: is a proxy or a sign-on page in "
                        + "front of it? Nothing was changed",
                request,
                null);
    }

    private <T> T read(byte[] body, Class<T> type, String request) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw invalid(request, "an empty answer");
            }
            return value;
        } catch (JacksonException e) {
            throw invalid(request, "an answer that is not the expected JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Jackson's complaint quotes the answer, which may quote the request back. */
    private ApiException invalid(String request, String what) {
        String said = errors.redact(what);
        return new ApiException(
                200,
                "invalid-response",
                "the server sent " + Sanitizer.forTerminal(said.length() > 200 ? said.substring(0, 200) + "..." : said),
                request,
                null);
    }

    /** Fills {@code {orgId}} and the given variables, each encoded as one path segment. */
    private String expand(String template, Map<String, String> vars) {
        String path = template.replace("{orgId}", segment(settings.orgId()));
        for (Map.Entry<String, String> v : vars.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", segment(v.getValue()));
        }
        return path;
    }

    private URI uri(String path, MultiValueMap<String, String> query) {
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(settings.baseUrl() + path);
        query.forEach((k, values) ->
                values.forEach(v -> b.queryParam(k, UriUtils.encodeQueryParam(v, StandardCharsets.UTF_8))));
        return b.build(true).toUri();
    }

    private static String segment(String s) {
        return UriUtils.encodePathSegment(s, StandardCharsets.UTF_8);
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    @Override
    public void close() {
        connections.dispose();
        if (pages != null) {
            pages.close();
        }
    }
}
