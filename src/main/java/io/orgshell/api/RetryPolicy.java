package io.orgshell.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * When and how long to wait before sending a request again. The server's word wins: {@code Retry-After}
 * (carried in {@link ApiException#retryAfter()}), then {@code X-RateLimit-Reset}; without either, exponential
 * backoff with ±30% jitter. Attempts and any single wait are bounded (429s get four times the attempts of
 * other failures: the server did nothing and said when to return).
 * <p>
 * A 429 was not processed, so it is retried for every request. 5xx gateway errors and broken connections are
 * (any 5xx) retried only for idempotent requests: a write that may have landed must be re-checked by its caller first.
 */
public final class RetryPolicy {

    public record RetryEvent(String request, int attempt, Duration delay, Throwable cause) {}

    static final int THROTTLED_PATIENCE = 4;

    private final ApiClientSettings.RetrySettings settings;
    private final Consumer<RetryEvent> listener;

    public RetryPolicy(ApiClientSettings.RetrySettings settings, Consumer<RetryEvent> listener) {
        this.settings = settings;
        this.listener = listener;
    }

    Retry forRequest(String request, boolean idempotent) {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            return waitBeforeRetry(request, idempotent, failure, (int) signal.totalRetries() + 1)
                    .map(Mono::delay)
                    .orElseGet(() -> Mono.error(failure));
        }));
    }

    /**
     * How long to wait before sending {@code request} again after its {@code attempt}-th retry would be due, told to
     * the listener; empty when it is not to be sent again. The one decision for requests sent either way (a Reactor
     * retry above, or a loop on the calling thread).
     */
    Optional<Duration> waitBeforeRetry(String request, boolean idempotent, Throwable failure, int attempt) {
        // a 429 was not processed and says when to come back: a burst of them deserves more patience
        int limit = failure instanceof ApiException api && api.status() == 429
                ? settings.maxRetries() * THROTTLED_PATIENCE
                : settings.maxRetries();
        if (attempt > limit || !isRetryable(failure, idempotent)) {
            return Optional.empty();
        }
        Duration delay = delayFor(failure, attempt);
        listener.accept(new RetryEvent(request, attempt, delay, failure));
        return Optional.of(delay);
    }

    static boolean isRetryable(Throwable failure, boolean idempotent) {
        if (failure instanceof ApiException api) {
            return api.status() == 429 || idempotent && api.isRetryable();
        }
        return idempotent && failure instanceof TransportFailure;
    }

    Duration delayFor(Throwable failure, int attempt) {
        if (failure instanceof ApiException api && api.retryAfter().isPresent()) {
            Duration asked = api.retryAfter().get();
            return asked.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : asked;
        }
        double base = settings.initialBackoff().toMillis() * Math.pow(2, attempt - 1);
        double capped = Math.min(base, settings.maxBackoff().toMillis());
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-0.3, 0.3);
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }

    /** A request that failed below HTTP (refused, reset, closed early, timed out). Internal to the client. */
    static final class TransportFailure extends RuntimeException {
        TransportFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
