package io.orgshell.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The v2 directory API (CONTRACT.md §8). Reads go to every directory the key may read ({@code -}); writes go to the
 * org's first directory, listed once and kept. An org whose v2 API lists no directory is written through v1.
 */
final class V2Directory implements OrgDirectory {

    private static final String ORG = "/admin/v2/orgs/{orgId}";
    private static final String USERS = ORG + "/directories/{directoryId}/users";
    /** The directory ID meaning every directory the key may read. */
    private static final String ALL = "-";
    /** Accounts per page, and the most one search may name. */
    static final int LIMIT = 100;

    private final AdminApiClient client;
    private final V1Directory withoutDirectory;
    private final Mono<Optional<String>> directoryId;

    V2Directory(AdminApiClient client, V1Directory withoutDirectory) {
        this.client = client;
        this.withoutDirectory = withoutDirectory;
        // one listing however many writes ask at once; a failed one is asked again by the next write
        this.directoryId = client.pages(ORG + "/directories", Map.of(), Map.of(), Directory.Page.class)
                .flatMapIterable(p -> AdminApiClient.nonNull(p.data()))
                .mapNotNull(Directory::directoryId)
                .next()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .cacheInvalidateIf(id -> false);
    }

    /** The directory writes go to, empty when the org lists none; asking it is the probe when nothing else has. */
    Mono<Optional<String>> directoryId() {
        return directoryId;
    }

    @Override
    public boolean v2() {
        return true;
    }

    @Override
    public Flux<List<OrgAccount>> accountPages(boolean withGroups) {
        return userPages(withGroups);
    }

    /** {@code POST .../users/search} with {@code searchTerm}: the server matches names and emails. */
    @Override
    public Flux<List<OrgAccount>> search(String text) {
        return client.searchPages(USERS + "/search", Map.of("directoryId", ALL),
                        Map.of("searchTerm", text.strip(), "limit", LIMIT), DirectoryUser.Page.class)
                .map(p -> Collections.unmodifiableList(AdminApiClient.nonNull(p.data())));
    }

    private Flux<List<OrgAccount>> userPages(boolean withGroups) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(LIMIT));
        if (withGroups) {
            query.put("expand", "groups");
        }
        return client.pages(USERS, Map.of("directoryId", ALL), query, DirectoryUser.Page.class)
                .map(p -> Collections.unmodifiableList(AdminApiClient.nonNull(p.data())));
    }

    /** {@code POST .../users/search} naming a batch of accounts: one request re-reads a whole batch. */
    @Override
    public Flux<OrgAccount> accounts(List<String> accountIds, int concurrency) {
        return inBatches(accountIds, this::searchByIds, concurrency);
    }

    @Override
    public Flux<OrgAccount> accountsByEmail(List<String> emails) {
        return inBatches(emails, batch -> searching(Map.of("emails", batch, "limit", batch.size())),
                SEARCHES_AT_ONCE);
    }

    private Flux<OrgAccount> inBatches(List<String> values, Function<List<String>, Mono<List<OrgAccount>>> search,
                                       int concurrency) {
        int batch = client.searchBatch();
        return Flux.range(0, (values.size() + batch - 1) / batch)
                .map(i -> values.subList(i * batch, Math.min(values.size(), (i + 1) * batch)))
                .flatMap(search, Math.max(1, concurrency))
                .flatMapIterable(users -> users);
    }

    @Override
    public Mono<Integer> size() {
        return count(Map.of());
    }

    @Override
    public Mono<Integer> managedCount() {
        return count(Map.of("claimStatus", "managed"));
    }

    private Mono<Integer> count(Map<String, String> filters) {
        return client.get(USERS + "/count", Map.of("directoryId", ALL), filters, Count.class).mapNotNull(Count::count);
    }

    @Override
    public int pageSize() {
        return LIMIT;
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Count(Integer count) {
    }

    @Override
    public Mono<OrgAccount> account(String accountId) {
        return searchByIds(List.of(accountId)).flatMap(list -> list.isEmpty()
                ? Mono.error(new ApiException(404, "accountNotFound", "account not found", "re-check", null))
                : Mono.just(list.get(0)));
    }

    private Mono<List<OrgAccount>> searchByIds(List<String> accountIds) {
        return searching(Map.of("accountIds", accountIds, "limit", Math.max(1, accountIds.size()),
                "expand", List.of("groups", "platformRoles")));
    }

    /** Every account one search finds, over as many pages as the server makes of it. */
    private Mono<List<OrgAccount>> searching(Map<String, Object> body) {
        return client.searchPages(USERS + "/search", Map.of("directoryId", ALL), body, DirectoryUser.Page.class)
                .flatMapIterable(page -> AdminApiClient.nonNull(page.data()))
                .<OrgAccount>map(u -> u)
                .collectList()
                .map(Collections::unmodifiableList);
    }

    @Override
    public Mono<DirectoryUser> directoryUser(String accountId) {
        return client.get(USERS + "/{accountId}", Map.of("directoryId", ALL, "accountId", accountId), Map.of(),
                        DirectoryUser.One.class)
                .mapNotNull(DirectoryUser.One::data)
                .onErrorResume(ApiException.class, e -> e.status() == 404 ? Mono.empty() : Mono.error(e));
    }

    @Override
    public Mono<Integer> setAccess(String accountId, boolean suspend) {
        return inDirectory(dir -> client.write(HttpMethod.POST, USERS + "/{accountId}/"
                        + (suspend ? "suspend" : "restore"), Map.of("directoryId", dir, "accountId", accountId), null),
                () -> withoutDirectory.setAccess(accountId, suspend));
    }

    @Override
    public Mono<Integer> remove(String accountId) {
        return inDirectory(dir -> client.write(HttpMethod.DELETE, USERS + "/{accountId}",
                        Map.of("directoryId", dir, "accountId", accountId), null),
                () -> withoutDirectory.remove(accountId));
    }

    @Override
    public Mono<Integer> membership(String groupId, String accountId, boolean add) {
        String memberships = ORG + "/directories/{directoryId}/groups/{groupId}/memberships";
        return inDirectory(dir -> add
                        ? client.write(HttpMethod.POST, memberships, Map.of("directoryId", dir, "groupId", groupId),
                                Map.of("accountId", accountId))
                        : client.write(HttpMethod.DELETE, memberships + "/{accountId}",
                                Map.of("directoryId", dir, "groupId", groupId, "accountId", accountId), null),
                () -> withoutDirectory.membership(groupId, accountId, add));
    }

    private Mono<Integer> inDirectory(Function<String, Mono<Integer>> write, Supplier<Mono<Integer>> otherwise) {
        return directoryId.flatMap(id -> id.isPresent() ? write.apply(id.get()) : otherwise.get());
    }

    @Override
    public Flux<List<OrgAccount>> select(UserQuery query) {
        return client.searchPages(USERS + "/search", Map.of("directoryId", ALL), query.body(LIMIT),
                        DirectoryUser.Page.class)
                .map(p -> Collections.unmodifiableList(AdminApiClient.nonNull(p.data())));
    }

    /**
     * {@code groupNames} cannot be sent with {@code groupIds} (400), so a value that may be an ID is asked for in a
     * second search.
     */
    @Override
    public Flux<Group> groupsNamed(java.util.Collection<String> namesOrIds) {
        List<String> values = GroupSearch.values(namesOrIds);
        if (values.isEmpty()) {
            return Flux.empty();
        }
        String search = ORG + "/directories/{directoryId}/groups/search";
        Flux<Group> byName = client.searchPages(search, Map.of("directoryId", ALL),
                        Map.of("groupNames", values, "limit", LIMIT), Group.Page.class)
                .flatMapIterable(p -> AdminApiClient.nonNull(p.data()));
        List<String> ids = GroupSearch.possibleIds(values);
        Flux<Group> byId = ids.isEmpty() ? Flux.empty()
                : client.searchPages(search, Map.of("directoryId", ALL), Map.of("groupIds", ids, "limit", LIMIT),
                        Group.Page.class).flatMapIterable(p -> AdminApiClient.nonNull(p.data()));
        return Flux.concat(byName, byId).distinct(Group::id);
    }
}
