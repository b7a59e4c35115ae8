package io.orgshell.directory;

import io.orgshell.api.DirectoryClient;
import io.orgshell.api.UserQuery;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * {@code users/count} asked beside a sliced read, on a thread of its own: the progress bar's total as soon as it is
 * known, and afterwards whether the slices held every account. A count that fails or is refused tells nothing, and
 * closing stops one still waiting (Ctrl-C, a slice that failed): it never outlives the command.
 */
final class SliceCount implements AutoCloseable {

    /** What the count says of the accounts read. */
    enum Verdict {
        /** at least as many read as counted */
        COMPLETE,
        /** fewer read than counted, before and after the read: some account sits outside the slices */
        SHORT,
        /** the org gave no count */
        UNKNOWN
    }

    private final DirectoryClient directory;
    private final UserQuery query;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "orgshell-count");
        t.setDaemon(true);
        return t;
    });
    private final Future<Optional<Integer>> before;

    SliceCount(DirectoryClient directory, UserQuery query, LongConsumer total) {
        this.directory = directory;
        this.query = query;
        this.before = thread.submit(() -> {
            Optional<Integer> n = count();
            n.ifPresent(total::accept);
            return n;
        });
    }

    /**
     * Compares {@code read} (distinct accounts the slices returned) with the count asked beside the read and, when
     * that is more, with a second one: accounts removed while the slices were read are no reason to read again.
     */
    Verdict after(long read) {
        Optional<Integer> first;
        try {
            first = before.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.UNKNOWN;
        } catch (ExecutionException e) {
            return Verdict.UNKNOWN;
        }
        if (first.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        if (first.get() <= read) {
            return Verdict.COMPLETE;
        }
        Optional<Integer> now = count();
        return now.isEmpty() ? Verdict.UNKNOWN : now.get() > read ? Verdict.SHORT : Verdict.COMPLETE;
    }

    /** The count, empty when the org refuses it or the request fails for any reason: the read stands as it is. */
    private Optional<Integer> count() {
        try {
            return directory.count(query);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
