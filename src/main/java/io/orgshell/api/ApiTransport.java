package io.orgshell.api;

import io.netty.channel.ChannelOption;
import io.netty.handler.proxy.HttpProxyHandler.HttpProxyConnectException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutException;
import io.orgshell.core.Sanitizer;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.core.codec.ByteArrayEncoder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
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
 * has been consumed.
 */
public final class ApiTransport implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final ApiClientSettings settings;
    private final ProxyChoice proxy;
    private final ApiKey key;
    private final JsonMapper json;
    private final ApiErrorParser errors;
    private final RetryPolicy retry;
    private final RateGovernor governor = new RateGovernor();
    private final ConnectionProvider connections;
    private final WebClient web;

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
            SslContext tls) {
        this.settings = settings;
        this.proxy = proxy;
        this.key = key;
        this.json = json;
        this.errors = new ApiErrorParser(json, key);
        this.retry = retry;
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
            http = http.secure(spec -> spec.sslContext(tls));
        }
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
                                            .map(bytes -> {
                                                int status = resp.statusCode().value();
                                                HttpHeaders headers =
                                                        resp.headers().asHttpHeaders();
                                                Duration wait = status >= 400
                                                        ? RateLimitHeaders.waitAskedFor(status, headers, Instant.now())
                                                        : null;
                                                Duration maxWait =
                                                        settings.retry().maxWait();
                                                boolean tooLong = wait != null && wait.compareTo(maxWait) > 0;
                                                governor.observe(status, headers, tooLong ? maxWait : wait);
                                                if (tooLong && (status == 429 || status == 503)) {
                                                    throw new ApiWaitTooLongException(wait, maxWait, request);
                                                }
                                                if (status >= 300 || status < 200) {
                                                    // a 3xx is a proxy or a sign-on page in front of the API: nothing
                                                    // was done
                                                    throw status >= 400
                                                            ? errors.parse(
                                                                    status,
                                                                    new String(bytes, StandardCharsets.UTF_8),
                                                                    request,
                                                                    wait)
                                                            : redirected(
                                                                    status,
                                                                    errors.redact(
                                                                            headers.getFirst(HttpHeaders.LOCATION)),
                                                                    request);
                                                }
                                                return new Response(status, bytes, request);
                                            }))
                                    .timeout(settings.responseDeadline(), Mono.error(ResponseDeadlineException::new)));
                })
                .onErrorMap(
                        e -> !(e instanceof ApiException || e instanceof ApiConnectionException),
                        e -> transportFailure(e, uri, request));
        return once.retryWhen(retry.forRequest(request, idempotent))
                .onErrorMap(
                        RetryPolicy.TransportFailure.class,
                        e -> new ApiConnectionException(e.getMessage(), request, e.getCause()));
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

    /**
     * One line for a failure below HTTP. Those that sending again cannot mend (an untrusted certificate, a proxy that
     * wants other credentials) end the request at once; the others go to the retry policy.
     */
    private RuntimeException transportFailure(Throwable e, URI uri, String request) {
        Throwable cause = e instanceof WebClientRequestException || e instanceof WebClientResponseException
                ? (e.getCause() == null ? e : e.getCause())
                : e;
        String where = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        UntrustedCertificateException untrusted = causeOf(cause, UntrustedCertificateException.class);
        if (untrusted != null) {
            return new ApiConnectionException(untrusted.getMessage(), request, null);
        }
        String message;
        HttpProxyConnectException refusedTunnel = causeOf(cause, HttpProxyConnectException.class);
        if (refusedTunnel != null) {
            String status = ProxyFailures.status(refusedTunnel);
            if (status.startsWith("407")) {
                return new ApiConnectionException(ProxyFailures.credentialsRefused(proxy, status), request, null);
            }
            message = "the proxy " + proxy + " refused the tunnel to " + where + " (" + status + ")";
        } else if (!proxy.isDirect() && hasCause(cause, ProxyConnectException.class)) {
            message = "the proxy " + proxy + " did not open the tunnel to " + where + " within "
                    + seconds(settings.connectTimeout());
        } else if (!proxy.isDirect() && hasCause(cause, ConnectException.class)) {
            message = "cannot reach the proxy " + proxy + ": "
                    + ProxyFailures.why(causeOf(cause, ConnectException.class));
        } else if (!proxy.isDirect() && hasCause(cause, UnknownHostException.class)) {
            message = "cannot resolve the host of the proxy " + proxy;
        } else if (cause instanceof ConnectException || hasCause(cause, ConnectException.class)) {
            message = "cannot connect to " + where + " (connection refused or unreachable)";
        } else if (hasCause(cause, UnknownHostException.class)) {
            message = "cannot resolve the host " + uri.getHost();
        } else if (cause instanceof ResponseDeadlineException) {
            message = "the answer from " + where + " was not complete within " + seconds(settings.responseDeadline())
                    + " (orgshell.response-deadline)";
        } else if (cause instanceof ReadTimeoutException
                || hasCause(cause, TimeoutException.class)
                || hasCause(cause, ReadTimeoutException.class)) {
            message = "no answer from " + where + " within "
                    + settings.readTimeout().toSeconds() + " s";
        } else if (cause instanceof PrematureCloseException || hasCause(cause, PrematureCloseException.class)) {
            message = "the connection to " + where + " closed before the answer arrived";
        } else {
            message = "the request to " + where + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        return new RetryPolicy.TransportFailure(message, cause);
    }

    /** A whole answer took longer than {@code orgshell.response-deadline}: a timeout like any other to the retries. */
    private static final class ResponseDeadlineException extends TimeoutException {}

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return causeOf(t, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
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
    }
}
