package io.orgshell.run;

import io.orgshell.api.ApiConnectionException;
import io.orgshell.api.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a run is to stop, and why: the operator asked (Ctrl-C, reaching it from the thread of the command), the
 * server asked for a pause longer than anyone should wait, the key was refused, the org could not be reached or
 * its accounts not read back. Shared by the threads that write; the run ends for resume in each case.
 */
final class RunStop {

    /** After a stop the operator asked for, how long the writes in flight may take to land and be journaled. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final AtomicBoolean stop = new AtomicBoolean();
    /** Completed when the operator asks to stop (Ctrl-C): what waits for the server waits only a little more. */
    private final CompletableFuture<Void> asked = new CompletableFuture<>();
    /** Why the run stopped by itself, when the server said so. */
    private final AtomicReference<ApiConnectionException> stoppedBy = new AtomicReference<>();
    /** The answer that refused the key (revoked or expired mid-run): no row fails for it. */
    private final AtomicReference<ApiException> keyRefused = new AtomicReference<>();
    /** A read-back that failed for another reason (a 5xx after every retry). */
    private final AtomicReference<RuntimeException> readBackFailure = new AtomicReference<>();

    boolean requested() {
        return stop.get();
    }

    /** No new write starts; the writes in flight get {@link #STOP_GRACE} to be answered and journaled. */
    void ask() {
        stop.set(true);
        asked.complete(null);
    }

    /** Whether the operator asked the run to stop (as opposed to the server or the network stopping it). */
    boolean asked() {
        return asked.isDone();
    }

    /** A stop nobody asked for, with no reason from the server (the org could not be reached). */
    void stop() {
        stop.set(true);
    }

    /** The server refused a write until later than anyone should wait. */
    void stopFor(ApiConnectionException cause) {
        stoppedBy.compareAndSet(null, cause);
        stop.set(true);
    }

    /**
     * A 401, or a 403 to a read (a search, the org): the key itself is refused, not one account's write. The run
     * stops; the write that met it has no result, and resume reads its account before sending it.
     */
    boolean refusesKey(Throwable e) {
        if (e instanceof ApiException api && (api.status() == 401 || api.status() == 403)) {
            keyRefused.compareAndSet(null, api);
            stop.set(true);
            return true;
        }
        return false;
    }

    void readBackFailed(RuntimeException e) {
        readBackFailure.compareAndSet(null, e);
        stop.set(true);
    }

    Optional<ApiConnectionException> stoppedBy() {
        return Optional.ofNullable(stoppedBy.get());
    }

    Optional<ApiException> keyRefused() {
        return Optional.ofNullable(keyRefused.get());
    }

    Optional<RuntimeException> readBackFailure() {
        return Optional.ofNullable(readBackFailure.get());
    }

    /**
     * Waits {@code pause}, or less when the operator asks to stop meanwhile; returns whether the pause ran out. The
     * run's own pauses (between two read-backs, before a write is sent again) end at once on Ctrl-C.
     */
    /** The pause after {@code pause} between two reads that wait for the org: twice as long, {@code longest} at most. */
    static Duration doubled(Duration pause, Duration longest) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(longest) > 0 ? longest : twice;
    }

    boolean pause(Duration pause) {
        try {
            asked.get(pause.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for {@code work}; once the operator asks to stop, for {@link #STOP_GRACE} more at most, then throws
     * {@link CancellationException} (the caller drops the work). Its failure is rethrown as it is.
     */
    <T> T await(CompletableFuture<T> work) {
        try {
            while (true) {
                try {
                    CompletableFuture.anyOf(work, asked).get();
                    if (work.isDone() || !asked()) {
                        return work.get();
                    }
                    try {
                        return work.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException late) {
                        work.cancel(true);
                        throw new CancellationException("stopped");
                    }
                } catch (InterruptedException e) {
                    ask(); // the same as Ctrl-C through the command's thread
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
