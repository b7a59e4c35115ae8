package io.orgshell.api;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The choice between v2 and v1 for one connection, made once. Until it is made, a listing is sent to v2: its first
 * answer chooses v2, a 404 before any answer chooses v1 and the listing is sent there instead. An operation on one
 * account cannot tell (a 404 there may mean no such account), so it first asks for the org's directory when nothing
 * has chosen yet. A later 404 is an error like any other.
 */
final class ProbedDirectory implements OrgDirectory {

    private final V1Directory v1;
    private final V2Directory v2;
    private final AtomicReference<OrgDirectory> chosen = new AtomicReference<>();

    ProbedDirectory(AdminApiClient client) {
        this.v1 = new V1Directory(client);
        this.v2 = new V2Directory(client, v1);
    }

    @Override
    public boolean v2() {
        return chosen().block() == v2;
    }

    @Override
    public Flux<List<OrgAccount>> accountPages(boolean withGroups) {
        return probing(d -> d.accountPages(withGroups));
    }

    @Override
    public Flux<List<OrgAccount>> search(String text) {
        return probing(d -> d.search(text));
    }

    @Override
    public Flux<OrgAccount> accounts(List<String> accountIds, int concurrency) {
        return probing(d -> d.accounts(accountIds, concurrency));
    }

    @Override
    public Flux<OrgAccount> accountsByEmail(List<String> emails) {
        return probing(d -> d.accountsByEmail(emails));
    }

    /**
     * The v2 count. An answer chooses v2; a refusal chooses nothing: {@code users/count} is known from a third-party
     * client only (CONTRACT.md §8), so its 404 says nothing of the v2 API, and the count is then unknown (the caller
     * reads the directory). Without v2 nothing is counted: v1 tells its total only on the first page, which the pass
     * reads anyway.
     */
    @Override
    public Mono<Integer> size() {
        return counted(OrgDirectory::size);
    }

    @Override
    public Mono<Integer> managedCount() {
        return counted(OrgDirectory::managedCount);
    }

    private Mono<Integer> counted(Function<OrgDirectory, Mono<Integer>> count) {
        return Mono.defer(() -> chosen.get() == v1 ? Mono.empty()
                : count.apply(v2).doOnNext(n -> chosen.compareAndSet(null, v2))
                        .onErrorResume(ApiException.class, e -> Mono.empty()));
    }

    @Override
    public int pageSize() {
        OrgDirectory known = chosen.get();
        return known == null ? v2.pageSize() : known.pageSize();
    }

    @Override
    public Mono<OrgAccount> account(String accountId) {
        return chosen().flatMap(d -> d.account(accountId));
    }

    /** Not a probe: v2 answers 404 for an account it does not hold, and so does an org without v2. */
    @Override
    public Mono<DirectoryUser> directoryUser(String accountId) {
        return Mono.defer(() -> chosen.get() == v1 ? v1.directoryUser(accountId) : v2.directoryUser(accountId));
    }


    @Override
    public Mono<Integer> setAccess(String accountId, boolean suspend) {
        return chosen().flatMap(d -> d.setAccess(accountId, suspend));
    }

    @Override
    public Mono<Integer> remove(String accountId) {
        return chosen().flatMap(d -> d.remove(accountId));
    }

    @Override
    public Mono<Integer> membership(String groupId, String accountId, boolean add) {
        return chosen().flatMap(d -> d.membership(groupId, accountId, add));
    }

    /** The chosen directory; when nothing has chosen yet, the directories listing (needed to write anyway) does. */
    private Mono<OrgDirectory> chosen() {
        return Mono.defer(() -> {
            OrgDirectory known = chosen.get();
            return known != null ? Mono.just(known)
                    : probing(d -> d == v2 ? v2.directoryId().thenReturn(d) : Mono.just(d)).next();
        });
    }

    private <T> Flux<T> probing(Function<OrgDirectory, Publisher<T>> call) {
        return Flux.defer(() -> {
            OrgDirectory known = chosen.get();
            if (known != null) {
                return call.apply(known);
            }
            AtomicBoolean answered = new AtomicBoolean();
            return Flux.from(call.apply(v2))
                    .doOnNext(x -> {
                        answered.set(true);
                        chosen.compareAndSet(null, v2);
                    })
                    .onErrorResume(e -> !answered.get() && e instanceof ApiException api && api.status() == 404, e -> {
                        chosen.compareAndSet(null, v1);
                        return chosen.get() == v1 ? call.apply(v1) : Flux.error(e);
                    });
        });
    }

    @Override
    public Flux<List<OrgAccount>> select(UserQuery query) {
        return probing(d -> d.select(query));
    }

    @Override
    public Flux<Group> groupsNamed(java.util.Collection<String> namesOrIds) {
        return probing(d -> d.groupsNamed(namesOrIds));
    }
}
