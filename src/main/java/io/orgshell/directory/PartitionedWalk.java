package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Domain;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.PageWalk;
import io.orgshell.api.UserQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * The managed accounts read as slices that the v2 search selects exactly, walked a few at once. A managed account has
 * exactly one account status, has two-step verification on or off, and is on one verified domain, so these slices hold
 * each of them once: the {@code active} accounts with two-step verification, on the verified domains dealt into four
 * groups (one domain a slice in an org of four); the {@code active} accounts without it; the {@code inactive} and
 * {@code closed} ones. The last two name no domain unless the selection does, so they hold such accounts on any
 * domain. One cursor walk per slice, so the whole takes about as long as the largest slice instead of the sum; six
 * slices at most, so few pages are left partly filled (one a slice at most). An account on a domain no longer verified
 * (active, with two-step verification) is in no slice: callers compare what they read with the org's count. Pages of
 * one slice reach its consumer in the server's order, one after another, on one thread; the next page of the slice is
 * already asked for while the consumer handles this one. Slices have a fixed order (that of their {@code index}): the
 * domain groups, then the active accounts without two-step verification, then the inactive and closed. The rate
 * governor paces every request of every slice together.
 */
public final class PartitionedWalk {

    /** Slices in flight at once: more would only queue on the rate governor of an org with a limit. */
    public static final int AT_ONCE = 6;

    static final String MANAGED = "managed";
    /** Groups of domains the active accounts with two-step verification are read in: the slices then number six. */
    static final int DOMAIN_GROUPS = AT_ONCE - 2;
    /** Values one filter of the search may hold (the sandbox refuses more, as a list of IDs). */
    static final int DOMAINS_A_SEARCH = 100;

    static final Set<String> ACTIVE = Set.of("active");
    static final Set<String> NOT_ACTIVE = Set.of("inactive", "closed");

    /**
     * One slice: the accounts of {@code claimStatus} ({@code managed} or {@code unmanaged}) on one of {@code domains}
     * (any when empty) whose status is one of {@code statuses} (any when empty), with two-step verification as
     * {@code mfa} says (null: either).
     */
    public record Partition(int index, String claimStatus, Set<String> domains, Set<String> statuses, Boolean mfa) {

        public Partition {
            domains = Set.copyOf(domains);
            statuses = Set.copyOf(statuses);
        }

        public UserQuery query(Set<String> membershipStatus, Set<String> groupIds) {
            return new UserQuery(domains, statuses, membershipStatus, groupIds, claimStatus, true, mfa);
        }
    }

    /** Consumes the pages of one slice, in order, on the slice's own thread. */
    public interface PageConsumer {
        void page(Partition partition, List<OrgAccount> accounts) throws IOException;
    }

    private PartitionedWalk() {}

    /**
     * The slices of the managed accounts on {@code domains} (any domain when empty) with a status among
     * {@code statuses} (any when empty), in their fixed order.
     */
    public static List<Partition> managed(AdminApiClient client, Set<String> domains, Set<String> statuses) {
        return managed(client, domains, statuses, null);
    }

    /** As {@link #managed(AdminApiClient, Set, Set)}, of the accounts whose two-step verification is {@code mfa}. */
    public static List<Partition> managed(
            AdminApiClient client, Set<String> domains, Set<String> statuses, Boolean mfa) {
        List<String> split = domains.isEmpty()
                ? client.organizations().domains().stream()
                        .filter(Domain::isVerified)
                        .map(Domain::name)
                        .filter(n -> n != null && !n.isBlank())
                        .map(n -> n.toLowerCase(Locale.ROOT))
                        .distinct()
                        .sorted()
                        .toList()
                : domains.stream().sorted().toList();
        // without a domain in the selection, the slices that span the domains name none: every managed account of
        // theirs is in them, whatever its domain, and no filter grows with the org's domains
        Set<String> spanned = Set.copyOf(domains);
        Set<String> notActive = statuses.isEmpty()
                ? NOT_ACTIVE
                : Set.copyOf(NOT_ACTIVE.stream().filter(statuses::contains).toList());
        List<Partition> out = new ArrayList<>();
        if (statuses.isEmpty() || statuses.contains("active")) {
            if (mfa == null || mfa) {
                for (Set<String> group : groups(split)) {
                    out.add(new Partition(out.size(), MANAGED, group, ACTIVE, true));
                }
            }
            if (mfa == null || !mfa) {
                out.add(new Partition(out.size(), MANAGED, spanned, ACTIVE, false));
            }
        }
        if (!notActive.isEmpty()) {
            out.add(new Partition(out.size(), MANAGED, spanned, notActive, mfa));
        }
        return out;
    }

    /**
     * The domains dealt into at most {@link #DOMAIN_GROUPS} groups (more only when a group would name more than
     * {@link #DOMAINS_A_SEARCH}), in turn, so that the slices stay few however many domains the org has.
     */
    static List<Set<String>> groups(List<String> domains) {
        int n = Math.min(
                domains.size(), Math.max(DOMAIN_GROUPS, (domains.size() + DOMAINS_A_SEARCH - 1) / DOMAINS_A_SEARCH));
        List<Set<String>> out = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            Set<String> group = new LinkedHashSet<>();
            for (int i = g; i < domains.size(); i += n) {
                group.add(domains.get(i));
            }
            out.add(group);
        }
        return out;
    }

    /**
     * The order to start the slices in: those that span every domain first (the active accounts without two-step
     * verification, the unmanaged ones), then the rest in their order. They are often the largest, and the walk
     * lasts as long as the slice started last takes.
     */
    static List<Partition> startOrder(List<Partition> partitions) {
        List<Partition> out = new ArrayList<>(partitions.size());
        partitions.stream()
                .filter(p -> !MANAGED.equals(p.claimStatus())
                        || Boolean.FALSE.equals(p.mfa()) && p.statuses().equals(ACTIVE))
                .forEach(out::add);
        partitions.stream().filter(p -> !out.contains(p)).forEach(out::add);
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
            for (Partition p : startOrder(partitions)) {
                running.add(pool.submit(() -> {
                    try (PageWalk<List<OrgAccount>> pages = directory.select(query.apply(p), expand)) {
                        for (List<OrgAccount> page : pages) {
                            if (Thread.currentThread().isInterrupted()) {
                                return null;
                            }
                            consumer.page(p, page);
                        }
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

    /** The slice of every unmanaged account, to follow the managed slices at {@code index}. */
    public static Partition unmanaged(int index) {
        return new Partition(index, "unmanaged", Set.of(), Set.of(), null);
    }
}
