package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Domain;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.UserQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The managed accounts read as slices that the v2 search selects exactly, walked a few at once. Each managed account
 * is on exactly one verified domain and has exactly one account status, so the slices (verified domain) × (status
 * {@code active}, or {@code inactive}/{@code closed}) hold every managed account once; one cursor walk per slice, so
 * the whole takes about as long as the largest slice instead of the sum. Pages of one slice reach its consumer in the
 * server's order, one after another, on one thread; the next page of the slice is already asked for while the
 * consumer handles this one. Slices come in a fixed order: domain names sorted, then {@code active} before
 * {@code inactive}/{@code closed}. The rate governor paces every request of every slice together.
 */
public final class PartitionedWalk {

    /**
     * Slices in flight at once. The sandbox org has four verified domains, so eight slices; more at once would only
     * queue on the rate governor of an org with a limit.
     */
    public static final int AT_ONCE = 6;

    /** The account statuses the v2 search knows (CONTRACT.md §8.1), grouped as the slices take them. */
    static final List<Set<String>> STATUS_GROUPS = List.of(Set.of("active"), Set.of("inactive", "closed"));

    /** One slice: the managed accounts on {@code domain} whose status is one of {@code statuses}. */
    public record Partition(int index, String domain, Set<String> statuses) {

        public UserQuery query(Set<String> membershipStatus, Set<String> groupIds) {
            return new UserQuery(Set.of(domain), statuses, membershipStatus, groupIds, "managed", true);
        }
    }

    /** Consumes the pages of one slice, in order, on the slice's own thread. */
    public interface PageConsumer {
        void page(Partition partition, List<OrgAccount> accounts) throws IOException;
    }

    private PartitionedWalk() {}

    /**
     * The slices of the managed accounts on {@code domains} (all verified domains when empty) with a status among
     * {@code statuses} (any when empty), in their fixed order.
     */
    public static List<Partition> managed(AdminApiClient client, Set<String> domains, Set<String> statuses) {
        List<String> verified = client.organizations().domains().stream()
                .filter(Domain::isVerified)
                .map(Domain::name)
                .filter(n -> n != null && !n.isBlank())
                .map(n -> n.toLowerCase(Locale.ROOT))
                .filter(n -> domains.isEmpty() || domains.contains(n))
                .distinct()
                .sorted()
                .toList();
        List<Partition> out = new ArrayList<>();
        for (String domain : verified) {
            for (Set<String> group : STATUS_GROUPS) {
                Set<String> wanted = statuses.isEmpty()
                        ? group
                        : Set.copyOf(group.stream().filter(statuses::contains).toList());
                if (!wanted.isEmpty()) {
                    out.add(new Partition(out.size(), domain, wanted));
                }
            }
        }
        return out;
    }

    /**
     * Walks every slice, {@link #AT_ONCE} at a time, and returns when all are done. The first failure stops the
     * others and is thrown as it was; an interrupt of the calling thread stops them all and leaves the thread
     * interrupted.
     */
    public static void walk(
            DirectoryClient directory,
            List<Partition> partitions,
            Function<Partition, UserQuery> query,
            List<String> expand,
            PageConsumer consumer) {
        if (partitions.isEmpty()) {
            return;
        }
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, partitions.size()), r -> {
            Thread t = new Thread(r, "orgshell-slice-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Partition p : partitions) {
                running.add(pool.submit(() -> {
                    for (List<OrgAccount> page : directory.select(query.apply(p), expand)) {
                        if (Thread.currentThread().isInterrupted()) {
                            return null;
                        }
                        consumer.page(p, page);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                await(f, running);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> f, List<Future<?>> all) {
        try {
            f.get();
        } catch (InterruptedException e) {
            all.forEach(x -> x.cancel(true));
            Thread.currentThread().interrupt();
        } catch (CancellationException e) {
            // stopped because another slice failed or the walk was interrupted: that one is reported
        } catch (ExecutionException e) {
            all.forEach(x -> x.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * The slice of every unmanaged account, whatever its domain and status, to walk after the managed slices (its
     * {@code index} follows theirs): with them, every account the directory lists but a managed one the managed slices
     * miss (its domain no longer verified, a status they do not name). It names no domain; its search is
     * {@link #query(Partition, Set, Set)}'s.
     */
    public static Partition unmanaged(int index) {
        return new Partition(index, null, Set.of());
    }

    /** The search of any slice, {@link #unmanaged}'s included. */
    public static UserQuery query(Partition p, Set<String> membershipStatus, Set<String> groupIds) {
        return p.domain() == null
                ? new UserQuery(Set.of(), Set.of(), membershipStatus, groupIds, "unmanaged", true)
                : p.query(membershipStatus, groupIds);
    }
}
