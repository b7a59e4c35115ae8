package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One scripted fault (see {@link FaultScript}).
 *
 * @param kind    what happens
 * @param status  for {@link Kind#RESPOND}: the HTTP status sent instead of the real answer
 * @param body    for {@link Kind#RESPOND}: the body sent (JSON text), may be null for none
 * @param headers for {@link Kind#RESPOND}: extra headers (override the rate-limit headers of the same name)
 * @param delayMs for {@link Kind#DELAY}: how long to wait before handling the request normally; for
 *                {@link Kind#TRICKLE}: the pause between two pieces of the answer
 */
public record Fault(Kind kind, int status, String body, Map<String, String> headers, long delayMs) {

    public enum Kind {
        /** Answer with the given status, body and headers; the request is not applied. */
        RESPOND,
        /** Close the connection without any answer; the request is not applied. */
        DROP,
        /** Handle the request normally (a write is applied), then close the connection without the answer. */
        LOST_ANSWER,
        /** Wait, then handle the request normally (a write is applied, late). */
        DELAY,
        /**
         * Handle the request normally (a write is applied), then send the answer in {@value #TRICKLE_PIECES} pieces
         * with a pause between two: each read comes within a read timeout, the whole answer takes long. An answer
         * without a body (a 204) goes as a 200 of {@value #TRICKLE_PIECES} spaces.
         */
        TRICKLE,
        /**
         * Answer with the given status and an application error quoting the request's {@code Authorization} header,
         * key and all, as a careless server or proxy does; the request is not applied.
         */
        ECHO_KEY,
        /** As {@link #ECHO_KEY}, the quoted header written with a JSON {@code \\uXXXX} escape for every character. */
        ECHO_KEY_ESCAPED;

        public static final int TRICKLE_PIECES = 30;
    }

    public Fault {
        headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
    }

    public static Fault respond(int status, String jsonBody) {
        return new Fault(Kind.RESPOND, status, jsonBody, Map.of(), 0);
    }

    public static Fault respond(int status, String jsonBody, Map<String, String> headers) {
        return new Fault(Kind.RESPOND, status, jsonBody, headers, 0);
    }

    /** A gateway 429 {@code {"code":429,"message":"Rate limit exceeded"}}; {@code retryAfterSeconds} null = no header. */
    public static Fault throttle(Integer retryAfterSeconds) {
        Map<String, String> h =
                retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", retryAfterSeconds.toString());
        return new Fault(Kind.RESPOND, 429, proxyBody(429, "Rate limit exceeded"), h, 0);
    }

    /** An application error {@code {"errors":[...]}} with code {@code ADMIN-<status>-1}. */
    public static Fault applicationError(int status) {
        return respond(status, applicationErrorBody(status));
    }

    /** The NoPerms 403 shape of the domains and users endpoints. */
    public static Fault noPerms(String path) {
        return respond(403, new String(Json.bytes(ErrorBodies.noPermsBody(path)), StandardCharsets.UTF_8));
    }

    public static Fault drop() {
        return new Fault(Kind.DROP, 0, null, Map.of(), 0);
    }

    /** The request is applied and its answer lost: the client cannot tell whether it landed. */
    public static Fault lostAnswer() {
        return new Fault(Kind.LOST_ANSWER, 0, null, Map.of(), 0);
    }

    public static Fault delay(long ms) {
        return new Fault(Kind.DELAY, 0, null, Map.of(), ms);
    }

    public static Fault trickle(long pauseMs) {
        return new Fault(Kind.TRICKLE, 0, null, Map.of(), pauseMs);
    }

    public static Fault echoKey(int status) {
        return new Fault(Kind.ECHO_KEY, status, null, Map.of(), 0);
    }

    public static Fault echoKeyEscaped(int status) {
        return new Fault(Kind.ECHO_KEY_ESCAPED, status, null, Map.of(), 0);
    }

    static String proxyBody(int status, String message) {
        return new String(Json.bytes(Json.obj("code", status, "message", message)), StandardCharsets.UTF_8);
    }

    static String applicationErrorBody(int status) {
        Map<String, Object> error = Json.obj(
                "id",
                UUID.randomUUID().toString(),
                "status",
                String.valueOf(status),
                "code",
                "ADMIN-" + status + "-1",
                "title",
                "Injected fault",
                "detail",
                "Fault injected by the sandbox");
        return new String(Json.bytes(Json.obj("errors", List.of(error))), StandardCharsets.UTF_8);
    }
}
