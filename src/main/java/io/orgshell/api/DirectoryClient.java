package io.orgshell.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The org's directory through the v2 directory API ({@code /admin/v2/orgs/{orgId}/directories}, CONTRACT.md §8), the
 * only one Atlassian serves for search, suspend and restore, removal and groups. Reads go to every directory the key
 * may read ({@code -}). Writes go to the directory they belong to: an org that lists one directory (every centralized
 * org) is written there without asking more; with several (the original user-management experience), an account is
 * written in the directories {@code GET .../directories?accountId=} lists for it, and a group's membership in the
 * group's own directory. An org (or a proxy) that answers v2 with 404 before any v2 answer gets a
 * {@link V2UnavailableException}. One per connection: it keeps what it learns of the org's directories.
 */
public final class DirectoryClient {

    private static final String ORG = "/admin/v2/orgs/{orgId}";
    private static final String DIRECTORIES = ORG + "/directories";
    private static final String USERS = DIRECTORIES + "/{directoryId}/users";
    private static final String GROUPS = DIRECTORIES + "/{directoryId}/groups";
    /** The directory ID meaning every directory the key may read. */
    private static final String ALL = "-";
    /** Accounts per page, and the most one search may name. */
    static final int LIMIT = 100;
    /**
     * The searches of one lookup in flight at once: a 5,000-row plan is 50 searches by ID and as many by email, and
     * one after another they would take 100 round trips; the rate governor keeps them within the server's limit.
     */
    static final int SEARCHES_AT_ONCE = 4;

    private final ApiTransport transport;
    /** Whether v2 has answered on this connection: from then on a 404 is about what was asked for, not the API. */
    private final AtomicBoolean answered = new AtomicBoolean();

    private final Mono<List<String>> directoryIds;
    private final Map<String, Mono<String>> groupDirectories = new ConcurrentHashMap<>();

    DirectoryClient(ApiTransport transport) {
        this.transport = transport;
        // one listing however many writes ask at once; a failed one is asked again by the next write
        this.directoryIds = directories(Map.of()).cacheInvalidateIf(ids -> false);
    }

    private Mono<List<String>> directories(Map<String, String> query) {
        return transport
                .pages(DIRECTORIES, Map.of(), query, Directory.Page.class)
                .flatMapIterable(p -> ApiTransport.nonNull(p.data()))
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

    /** Every account, a page at a time (with their groups when asked), the next page asked for once this one is consumed. */
    public Iterable<List<OrgAccount>> accountPages(boolean withGroups) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", String.valueOf(LIMIT));
        if (withGroups) {
            query.put("expand", "groups");
        }
        return v2(transport
                        .pages(USERS, Map.of("directoryId", ALL), query, DirectoryUser.Page.class)
                        .<List<OrgAccount>>map(p -> Collections.unmodifiableList(ApiTransport.nonNull(p.data()))))
                .toIterable(1);
    }

    /**
     * Accounts whose names or emails match a free text ({@code searchTerm}: the server decides how), a page at a
     * time.
     */
    public Iterable<List<OrgAccount>> search(String text) {
        return searchPages(Map.of("searchTerm", text.strip(), "limit", LIMIT)).toIterable(1);
    }

    /** The accounts a query selects, a page at a time, filtered by the server. */
    public Iterable<List<OrgAccount>> select(UserQuery query) {
        return searchPages(query.body(LIMIT)).toIterable(1);
    }

    /**
     * As {@link #select(UserQuery)}, at the largest page the search documents, with exactly the {@code expand} values
     * given: an export asks for what its columns need and nothing more, one request per page.
     */
    public PageWalk<List<OrgAccount>> select(UserQuery query, List<String> expand) {
        Map<String, Object> body = query.body(LIMIT);
        body.put("expand", List.copyOf(expand));
        PageWalk<DirectoryUser.Page> pages = transport.searchPagesAhead(
                USERS + "/search", Map.of("directoryId", ALL), body, DirectoryUser.Page.class);
        return new PageWalk<>() {
            @Override
            public Iterator<List<OrgAccount>> iterator() {
                Iterator<DirectoryUser.Page> walk = pages.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        try {
                            return walk.hasNext();
                        } catch (ApiException e) {
                            throw missing(e);
                        }
                    }

                    @Override
                    public List<OrgAccount> next() {
                        DirectoryUser.Page page = walk.next();
                        answered.set(true);
                        return Collections.unmodifiableList(ApiTransport.nonNull(page.data()));
                    }
                };
            }

            @Override
            public void close() {
                pages.close();
            }
        };
    }

    private Flux<List<OrgAccount>> searchPages(Map<String, Object> body) {
        return v2(transport
                .searchPages(USERS + "/search", Map.of("directoryId", ALL), body, DirectoryUser.Page.class)
                .map(p -> Collections.unmodifiableList(ApiTransport.nonNull(p.data()))));
    }

    /**
     * The accounts as they are now, with their groups, roles and products, as the searches answer: {@link #searchBatch()}
     * accounts a search, a few searches at once. An account not found is left out.
     */
    public Iterable<OrgAccount> accountsById(List<String> accountIds) {
        return inBatches(accountIds, this::searchByIds, SEARCHES_AT_ONCE).toIterable();
    }

    /** As {@link #accountsById(List)}, {@code concurrency} searches at once: a run re-reads a batch in one go. */
    public List<OrgAccount> accountsById(List<String> accountIds, int concurrency) {
        return inBatches(accountIds, this::searchByIds, concurrency)
                .collectList()
                .block();
    }

    /**
     * The accounts holding these addresses (an exact match; the sandbox ignores case), managed or not, with their
     * roles and products, as the searches answer: {@link #searchBatch()} addresses a search ({@code emails[]}), a few at once.
     */
    public Iterable<OrgAccount> accountsByEmail(List<String> emails) {
        return inBatches(
                        emails,
                        batch -> searching(Map.of(
                                "emails",
                                batch,
                                "limit",
                                batch.size(),
                                "expand",
                                List.of("platformRoles", "productAccess"))),
                        SEARCHES_AT_ONCE)
                .toIterable();
    }

    private Flux<OrgAccount> inBatches(
            List<String> values, Function<List<String>, Mono<List<OrgAccount>>> search, int concurrency) {
        int batch = transport.searchBatch();
        return Flux.range(0, (values.size() + batch - 1) / batch)
                .map(i -> values.subList(i * batch, Math.min(values.size(), (i + 1) * batch)))
                .flatMap(search, Math.max(1, concurrency))
                .flatMapIterable(users -> users);
    }

    /**
     * How many accounts {@link #accountPages} would list, without listing them ({@code users/count}). Empty when the
     * server does not say: the endpoint is known from a third-party client only (CONTRACT.md §8), so its refusal is
     * not taken for a missing v2 API.
     */
    public Optional<Integer> size() {
        return count(Map.of());
    }

    /** How many of them are managed: {@code users/count} with {@code claimStatus=managed}; empty as {@link #size}. */
    public Optional<Integer> managedCount() {
        return count(Map.of("claimStatus", "managed"));
    }

    /**
     * How many accounts {@link #select(UserQuery)} would return ({@code users/count} with the same filters); empty as
     * {@link #size}.
     */
    public Optional<Integer> count(UserQuery query) {
        return count(query.countQuery());
    }

    private Optional<Integer> count(Map<String, String> filters) {
        return count(MultiValueMap.fromSingleValue(filters));
    }

    private Optional<Integer> count(MultiValueMap<String, String> filters) {
        return transport
                .get(USERS + "/count", Map.of("directoryId", ALL), filters, Count.class)
                .doOnNext(x -> answered.set(true))
                .mapNotNull(Count::count)
                .onErrorResume(ApiException.class, e -> Mono.empty())
                .blockOptional();
    }

    /** Accounts on one page of {@link #accountPages}: what a directory pass costs is the org's size over this. */
    public int pageSize() {
        return LIMIT;
    }

    /** How many accounts one search may name (setting {@code orgshell.search.batch-size}). */
    public int searchBatch() {
        return transport.searchBatch();
    }

    /** Whether preview may look accounts up instead of reading the whole directory ({@code orgshell.search.look-up}). */
    public boolean looksUpAccounts() {
        return transport.looksUpAccounts();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Count(Integer count) {}

    /** One account as it is now; an {@link ApiException} with status 404 when there is none. */
    public OrgAccount accountById(String accountId) {
        return account(accountId).block();
    }

    private Mono<OrgAccount> account(String accountId) {
        return searchByIds(List.of(accountId))
                .flatMap(list -> list.isEmpty()
                        ? Mono.error(new ApiException(404, "accountNotFound", "account not found", "re-check", null))
                        : Mono.just(list.get(0)));
    }

    /**
     * The account's directory entry, with its groups and roles; empty when no directory holds the account. A search
     * naming the account rather than {@code GET .../users/{id}}, whose 404 cannot tell "no such account".
     */
    public Optional<DirectoryUser> directoryUser(String accountId) {
        return searchByIds(List.of(accountId))
                .flatMap(list -> list.isEmpty()
                        ? Mono.empty()
                        : Mono.justOrEmpty(list.get(0) instanceof DirectoryUser u ? u : null))
                .blockOptional();
    }

    private Mono<List<OrgAccount>> searchByIds(List<String> accountIds) {
        return searching(Map.of(
                "accountIds",
                accountIds,
                "limit",
                Math.max(1, accountIds.size()),
                "expand",
                List.of("groups", "platformRoles", "productAccess")));
    }

    /** Every account one search finds, over as many pages as the server makes of it. */
    private Mono<List<OrgAccount>> searching(Map<String, Object> body) {
        return v2(transport
                .searchPages(USERS + "/search", Map.of("directoryId", ALL), body, DirectoryUser.Page.class)
                .flatMapIterable(page -> ApiTransport.nonNull(page.data()))
                .<OrgAccount>map(u -> u)
                .collectList()
                .map(Collections::unmodifiableList));
    }

    /** Suspends the account's access to the org, in the directory (or each directory) that holds it. */
    public int suspend(String accountId) {
        return setAccess(accountId, true).block();
    }

    /** Restores the account's access to the org, in the directory (or each directory) that holds it. */
    public int restore(String accountId) {
        return setAccess(accountId, false).block();
    }

    private Mono<Integer> setAccess(String accountId, boolean suspend) {
        return inEachDirectoryOf(
                accountId,
                dir -> transport.write(
                        HttpMethod.POST,
                        USERS + "/{accountId}/" + (suspend ? "suspend" : "restore"),
                        Map.of("directoryId", dir, "accountId", accountId),
                        null));
    }

    /** Removes the account from the directory (or each directory) that holds it. */
    public int removeAccount(String accountId) {
        return remove(accountId).block();
    }

    private Mono<Integer> remove(String accountId) {
        return inEachDirectoryOf(
                accountId,
                dir -> transport.write(
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
                404, "no-directory", why, "GET /admin/v2/orgs/" + transport.orgId() + "/directories", null);
    }

    /** Adds the account to the group (by ID), in the group's own directory. */
    public int addToGroup(String groupId, String accountId) {
        return membership(groupId, accountId, true).block();
    }

    /** Takes the account out of the group (by ID), in the group's own directory. */
    public int removeFromGroup(String groupId, String accountId) {
        return membership(groupId, accountId, false).block();
    }

    private Mono<Integer> membership(String groupId, String accountId, boolean add) {
        return directoryOfGroup(groupId)
                .flatMap(dir -> add
                        ? transport.write(
                                HttpMethod.POST,
                                GROUPS + "/{groupId}/memberships",
                                Map.of("directoryId", dir, "groupId", groupId),
                                Map.of("accountId", accountId))
                        : transport.write(
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
     * The groups with these names (exact, case-insensitive) or IDs, in every directory (CONTRACT.md §8.2); a value
     * that names no group is left out. {@code groupNames} cannot be sent with {@code groupIds} (400), so a value that
     * may be an ID is asked for in a second search.
     */
    public List<Group> groupsNamed(Collection<String> namesOrIds) {
        List<String> values = GroupSearch.values(namesOrIds);
        if (values.isEmpty()) {
            return List.of();
        }
        Flux<Group> byName = groupSearch(Map.of("groupNames", values, "limit", LIMIT));
        List<String> ids = GroupSearch.possibleIds(values);
        Flux<Group> byId = ids.isEmpty() ? Flux.empty() : groupSearch(Map.of("groupIds", ids, "limit", LIMIT));
        return Flux.concat(byName, byId).distinct(Group::id).collectList().block();
    }

    /** Whether the group with this ID grants administration, as its role assignments tell. */
    public GroupRoles.Administration administration(String groupId) {
        return GroupRoles.of(transport, groupId).block();
    }

    private Flux<Group> groupSearch(Map<String, Object> body) {
        return v2(transport.searchPages(GROUPS + "/search", Map.of("directoryId", ALL), body, Group.Page.class))
                .flatMapIterable(p -> ApiTransport.nonNull(p.data()))
                .doOnNext(g -> {
                    if (g.id() != null && g.directoryId() != null) {
                        groupDirectories.putIfAbsent(g.id(), Mono.just(g.directoryId()));
                    }
                });
    }
}
