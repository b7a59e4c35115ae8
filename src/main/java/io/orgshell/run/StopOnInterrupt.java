package io.orgshell.run;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs the writing part of a run on a thread of its own, which nothing interrupts, while the calling thread (the
 * command's, which Ctrl-C interrupts) waits for it and hands an interrupt on as a request to stop. An interrupted
 * thread has each {@code FileChannel} it uses closed under it ({@code ClosedByInterruptException}), and the
 * journal, {@code run.json} and the reports are written by several layers; on this thread none of them ever is.
 * The interrupt is consumed: it has been answered by stopping the run, which then ends as it does for a quit.
 */
final class StopOnInterrupt {

    /** The work of the thread; {@code stopAsked} completes when the operator asks it to stop. */
    interface Work<T> {
        T run(CompletableFuture<Void> stopAsked) throws IOException;
    }

    private StopOnInterrupt() {}

    static <T> T call(String threadName, Work<T> work) throws IOException {
        CompletableFuture<Void> stopAsked = new CompletableFuture<>();
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        result.complete(work.run(stopAsked));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                threadName);
        worker.start();
        while (true) {
            try {
                return result.get();
            } catch (InterruptedException e) {
                stopAsked.complete(null); // Ctrl-C, once or many times: the run stops after the writes in flight
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
