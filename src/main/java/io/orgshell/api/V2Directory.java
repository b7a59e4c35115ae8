package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The v2 directory API (CONTRACT.md §8). Reads go to every directory the key may read ({@code -}). Writes go to the
 * directory they belong to: an org that lists one directory (every centralized org) is written there without
 * asking more; with several (the original user-management experience), an account is written in the directories
 * {@code GET .../directories?accountId=} lists for it, and a group's membership in the group's own directory.
 */
final class V2Directory implements OrgDirectory {

    private static final String ORG = "/admin/v2/orgs/{orgId}";
    private static final String DIRECTORIES = ORG + "/directories";
    private static final String USERS = DIRECTORIES + "/{directoryId}/users";
    private static final String GROUPS = DIRECTORIES + "/{directoryId}/groups";
    /** The directory ID meaning every directory the key may read. */
    private static final String ALL = "-";
    /** Accounts per page, and the most one search may name. */
    static final int LIMIT = 100;

    private final AdminApiClient client;
    /** Whether v2 has answered on this connection: from then on a 404 is about what was asked for, not the API. */
    private final AtomicBoolean answered = new AtomicBoolean();

    private final Mono<List<String>> directoryIds;
    private final Map<String, Mono<String>> groupDirectories = new ConcurrentHashMap<>();

    V2Directory(AdminApiClient client) {
        this.client = client;
        // one listing however many writes ask at once; a failed one is asked again by the next write
        this.directoryIds = directories(Map.of()).cacheInvalidateIf(ids -> false);
    }

    private Mono<List<String>> directories(Map<String, String> query) {
        return client.pages(DIRECTORIES, Map.of(), query, Directory.Page.class)
                .flatMapIterable(p -> AdminApiClient.nonNull(p.data()))
                .mapNotNull(Directory::directoryId)
                .distinct()
                .collectList()
                .transform(this::v2);
    }

    /** A v2 read: its answer tells the API is there; a 404 before any answer says it is not. */
    private <T> Mono<T> v2(Mono<T> read) {
        return read.doOnNext(x -> answered.set(true)).onErrorMap(ApiException.class, this::missing);
    }

    private <T> Flux<T> v2(Flux<T> read) {
        return read.doOnNext(x -> answered.set(true)).onErrorMap(ApiException.class, this::missing);
    }

    private ApiException missing(ApiException e) {
        return e.status() == 404 && !answered.get() && !(e instanceof V2UnavailableException)
                ? new V2UnavailableException(e)
                : e;
    }

    @Override
    public Flux<List<OrgAccount>> accountPages(boolean withGroups) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(LIMIT));
        if (withGroups) {
            query.put("expand", "groups");
        }
        return v2(client.pages(USERS, Map.of("directoryId", ALL), query, DirectoryUser.Page.class)
                .map(p -> Collections.unmodifiableList(AdminApiClient.nonNull(p.data()))));
    }

    /** {@code POST .../users/search} with {@code searchTerm}: the server matches names and emails. */
    @Override
    public Flux<List<OrgAccount>> search(String text) {
        return searchPages(Map.of("searchTerm", text.strip(), "limit", LIMIT));
    }

    @Override
    public Flux<List<OrgAccount>> select(UserQuery query) {
        return searchPages(query.body(LIMIT));
    }

    private Flux<List<OrgAccount>> searchPages(Map<String, Object> body) {
        return v2(client.searchPages(USERS + "/search", Map.of("directoryId", ALL), body, DirectoryUser.Page.class)
                .map(p -> Collections.unmodifiableList(AdminApiClient.nonNull(p.data()))));
    }

    /** {@code POST .../users/search} naming a batch of accounts: one request re-reads a whole batch. */
    @Override
    public Flux<OrgAccount> accounts(List<String> accountIds, int concurrency) {
        return inBatches(accountIds, this::searchByIds, concurrency);
    }

    @Override
    public Flux<OrgAccount> accountsByEmail(List<String> emails) {
        return inBatches(
                emails,
                batch -> searching(Map.of("emails", batch, "limit", batch.size(), "expand", List.of("platformRoles"))),
                SEARCHES_AT_ONCE);
    }

    private Flux<OrgAccount> inBatches(
            List<String> values, Function<List<String>, Mono<List<OrgAccount>>> search, int concurrency) {
        int batch = client.searchBatch();
        return Flux.range(0, (values.size() + batch - 1) / batch)
                .map(i -> values.subList(i * batch, Math.min(values.size(), (i + 1) * batch)))
                .flatMap(search, Math.max(1, concurrency))
                .flatMapIterable(users -> users);
    }

    /** Not a sign of the API: {@code users/count} is known from a third-party client only (CONTRACT.md §8). */
    @Override
    public Mono<Integer> size() {
        return count(Map.of());
    }

    @Override
    public Mono<Integer> managedCount() {
        return count(Map.of("claimStatus", "managed"));
    }

    private Mono<Integer> count(Map<String, String> filters) {
        return client.get(USERS + "/count", Map.of("directoryId", ALL), filters, Count.class)
                .doOnNext(x -> answered.set(true))
                .mapNotNull(Count::count)
                .onErrorResume(ApiException.class, e -> Mono.empty());
    }

    @Override
    public int pageSize() {
        return LIMIT;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(Integer count) {}

    @Override
    public Mono<OrgAccount> account(String accountId) {
        return searchByIds(List.of(accountId))
                .flatMap(list -> list.isEmpty()
                        ? Mono.error(new ApiException(404, "accountNotFound", "account not found", "re-check", null))
                        : Mono.just(list.get(0)));
    }

    /** A search naming the account rather than {@code GET .../users/{id}}, whose 404 cannot tell "no such account". */
    @Override
    public Mono<DirectoryUser> directoryUser(String accountId) {
        return searchByIds(List.of(accountId))
                .flatMap(list -> list.isEmpty()
                        ? Mono.empty()
                        : Mono.justOrEmpty(list.get(0) instanceof DirectoryUser u ? u : null));
    }

    private Mono<List<OrgAccount>> searchByIds(List<String> accountIds) {
        return searching(Map.of(
                "accountIds",
                accountIds,
                "limit",
                Math.max(1, accountIds.size()),
                "expand",
                List.of("groups", "platformRoles")));
    }

    /** Every account one search finds, over as many pages as the server makes of it. */
    private Mono<List<OrgAccount>> searching(Map<String, Object> body) {
        return v2(client.searchPages(USERS + "/search", Map.of("directoryId", ALL), body, DirectoryUser.Page.class)
                .flatMapIterable(page -> AdminApiClient.nonNull(page.data()))
                .<OrgAccount>map(u -> u)
                .collectList()
                .map(Collections::unmodifiableList));
    }

    @Override
    public Mono<Integer> setAccess(String accountId, boolean suspend) {
        return inEachDirectoryOf(
                accountId,
                dir -> client.write(
                        HttpMethod.POST,
                        USERS + "/{accountId}/" + (suspend ? "suspend" : "restore"),
                        Map.of("directoryId", dir, "accountId", accountId),
                        null));
    }

    @Override
    public Mono<Integer> remove(String accountId) {
        return inEachDirectoryOf(
                accountId,
                dir -> client.write(
                        HttpMethod.DELETE,
                        USERS + "/{accountId}",
                        Map.of("directoryId", dir, "accountId", accountId),
                        null));
    }

    /** Org access is per directory: an account in several is suspended (or restored, removed) in each, in turn. */
    private Mono<Integer> inEachDirectoryOf(String accountId, Function<String, Mono<Integer>> write) {
        return directoriesOf(accountId)
                .flatMapMany(dirs -> Flux.fromIterable(dirs).concatMap(write))
                .reduce((first, last) -> last);
    }

    private Mono<List<String>> directoriesOf(String accountId) {
        return directoryIds.flatMap(all -> {
            if (all.size() == 1) {
                return Mono.just(all);
            }
            if (all.isEmpty()) {
                return Mono.error(noDirectory("the organization lists no directory to write in"));
            }
            return directories(Map.of("accountId", accountId))
                    .flatMap(mine -> mine.isEmpty()
                            ? Mono.error(noDirectory("no directory of the organization holds the account"))
                            : Mono.just(mine));
        });
    }

    private ApiException noDirectory(String why) {
        return new ApiException(
                404, "no-directory", why, "GET /admin/v2/orgs/" + client.orgId() + "/directories", null);
    }

    @Override
    public Mono<Integer> membership(String groupId, String accountId, boolean add) {
        return directoryOfGroup(groupId)
                .flatMap(dir -> add
                        ? client.write(
                                HttpMethod.POST,
                                GROUPS + "/{groupId}/memberships",
                                Map.of("directoryId", dir, "groupId", groupId),
                                Map.of("accountId", accountId))
                        : client.write(
                                HttpMethod.DELETE,
                                GROUPS + "/{groupId}/memberships/{accountId}",
                                Map.of("directoryId", dir, "groupId", groupId, "accountId", accountId),
                                null));
    }

    /** The group's own directory: the only one, else as the group search told it (kept for the connection). */
    private Mono<String> directoryOfGroup(String groupId) {
        return directoryIds.flatMap(all -> all.size() == 1
                ? Mono.just(all.get(0))
                : groupDirectories.computeIfAbsent(
                        groupId,
                        id -> groupSearch(Map.of("groupIds", List.of(id), "limit", LIMIT))
                                .filter(g -> id.equals(g.id()) && g.directoryId() != null)
                                .next()
                                .map(Group::directoryId)
                                .switchIfEmpty(Mono.error(noDirectory(
                                        "the organization did not say which directory group " + id + " is in")))
                                .cacheInvalidateIf(dir -> false)));
    }

    /**
     * {@code groupNames} cannot be sent with {@code groupIds} (400), so a value that may be an ID is asked for in a
     * second search.
     */
    @Override
    public Flux<Group> groupsNamed(Collection<String> namesOrIds) {
        List<String> values = GroupSearch.values(namesOrIds);
        if (values.isEmpty()) {
            return Flux.empty();
        }
        Flux<Group> byName = groupSearch(Map.of("groupNames", values, "limit", LIMIT));
        List<String> ids = GroupSearch.possibleIds(values);
        Flux<Group> byId = ids.isEmpty() ? Flux.empty() : groupSearch(Map.of("groupIds", ids, "limit", LIMIT));
        return Flux.concat(byName, byId).distinct(Group::id);
    }

    private Flux<Group> groupSearch(Map<String, Object> body) {
        return v2(client.searchPages(GROUPS + "/search", Map.of("directoryId", ALL), body, Group.Page.class))
                .flatMapIterable(p -> AdminApiClient.nonNull(p.data()))
                .doOnNext(g -> {
                    if (g.id() != null && g.directoryId() != null) {
                        groupDirectories.putIfAbsent(g.id(), Mono.just(g.directoryId()));
                    }
                });
    }
}
