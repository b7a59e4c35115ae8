package io.orgshell.api;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The v1 endpoints, for an org without the v2 directory API: the managed-account list for reads, the profile read
 * for one account, and the {@code /directory/...} writes (deprecated in favour of v2, CONTRACT.md §6.4). Groups
 * cannot be listed, so they are named by ID.
 */
final class V1Directory implements OrgDirectory {

    private static final String DIRECTORY = "/admin/v1/orgs/{orgId}/directory";

    private final AdminApiClient client;

    V1Directory(AdminApiClient client) {
        this.client = client;
    }

    @Override
    public boolean v2() {
        return false;
    }

    @Override
    public Flux<List<OrgAccount>> accountPages(boolean withGroups) {
        return client.userPages().map(p -> Collections.unmodifiableList(AdminApiClient.nonNull(p.data())));
    }

    @Override
    public Flux<List<OrgAccount>> search(String text) {
        String needle = text.toLowerCase(Locale.ROOT).strip();
        return client.userPages().map(p -> AdminApiClient.nonNull(p.data()).stream()
                .filter(u -> contains(u.accountId(), needle) || contains(u.email(), needle)
                        || contains(u.name(), needle))
                .map(OrgAccount.class::cast).toList());
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    @Override
    public Flux<OrgAccount> accounts(List<String> accountIds, int concurrency) {
        return Flux.fromIterable(accountIds).flatMap(id -> account(id)
                .onErrorResume(ApiException.class, e -> e.status() == 404 ? Mono.empty() : Mono.error(e)), concurrency);
    }

    /** v1 has no lookup by address: the managed list is read through (an email outside it is not a managed one). */
    @Override
    public Flux<OrgAccount> accountsByEmail(List<String> emails) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        emails.forEach(e -> wanted.add(e.toLowerCase(Locale.ROOT)));
        return client.userPages().flatMapIterable(p -> AdminApiClient.nonNull(p.data()))
                .filter(u -> u.email() != null && wanted.contains(u.email().toLowerCase(Locale.ROOT)))
                .map(OrgAccount.class::cast);
    }

    @Override
    public Mono<Integer> size() {
        return client.userPages().next().mapNotNull(ManagedUser.Page::total);
    }

    @Override
    public Mono<Integer> managedCount() {
        return size();
    }

    /** Not known before the first page: the server decides it (CONTRACT.md §11.7). */
    @Override
    public int pageSize() {
        return 0;
    }

    @Override
    public Mono<OrgAccount> account(String accountId) {
        return client.profile(accountId).<OrgAccount>map(UserProfile::account);
    }

    @Override
    public Mono<DirectoryUser> directoryUser(String accountId) {
        return Mono.empty();
    }


    @Override
    public Mono<Integer> setAccess(String accountId, boolean suspend) {
        return client.write(HttpMethod.POST, DIRECTORY + "/users/{accountId}/"
                + (suspend ? "suspend-access" : "restore-access"), Map.of("accountId", accountId), null);
    }

    @Override
    public Mono<Integer> remove(String accountId) {
        return client.write(HttpMethod.DELETE, DIRECTORY + "/users/{accountId}", Map.of("accountId", accountId), null);
    }

    @Override
    public Mono<Integer> membership(String groupId, String accountId, boolean add) {
        return add
                ? client.write(HttpMethod.POST, DIRECTORY + "/groups/{groupId}/memberships",
                        Map.of("groupId", groupId), Map.of("account_id", accountId))
                : client.write(HttpMethod.DELETE, DIRECTORY + "/groups/{groupId}/memberships/{accountId}",
                        Map.of("groupId", groupId, "accountId", accountId), null);
    }

    /** v1 has no user filters worth the deprecated search: the managed list, filtered by the caller. */
    @Override
    public Flux<List<OrgAccount>> select(UserQuery query) {
        return accountPages(false);
    }

    /** {@code POST /admin/v1/orgs/{orgId}/groups/search}: names as {@code groupNames.eq}, IDs as {@code groupIds}. */
    @Override
    public Flux<Group> groupsNamed(java.util.Collection<String> namesOrIds) {
        List<String> values = GroupSearch.values(namesOrIds);
        if (values.isEmpty()) {
            return Flux.empty();
        }
        String search = "/admin/v1/orgs/{orgId}/groups/search";
        Flux<Group> byName = client.searchPages(search, Map.of(),
                        Map.of("groupNames", Map.of("eq", values), "limit", GroupSearch.V1_LIMIT), Group.Page.class)
                .flatMapIterable(p -> AdminApiClient.nonNull(p.data()));
        List<String> ids = GroupSearch.possibleIds(values);
        Flux<Group> byId = ids.isEmpty() ? Flux.empty()
                : client.searchPages(search, Map.of(), Map.of("groupIds", ids, "limit", GroupSearch.V1_LIMIT),
                        Group.Page.class).flatMapIterable(p -> AdminApiClient.nonNull(p.data()));
        return Flux.concat(byName, byId).distinct(Group::id);
    }
}
