package io.orgshell.api;

import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The org's directory through the v2 directory API, the only one Atlassian serves for search, suspend and restore,
 * removal and groups (CONTRACT.md §8). Reads go to every directory ({@code -}); each write goes to the directory it
 * belongs to. An org (or a proxy) that answers v2 with 404 gets a {@link V2UnavailableException}. Take one per
 * connection from {@link #of}: it keeps what it learns of the org's directories for the connection's life.
 */
public interface OrgDirectory {

    /**
     * The searches of one lookup in flight at once: a 5,000-row plan is 50 searches by ID and as many by email, and
     * one after another they would take 100 round trips; the rate governor keeps them within the server's limit.
     */
    int SEARCHES_AT_ONCE = 4;

    static OrgDirectory of(AdminApiClient client) {
        return new V2Directory(client);
    }

    /** Every account, a page at a time (with their groups when asked), the next page asked for once this one is consumed. */
    Flux<List<OrgAccount>> accountPages(boolean withGroups);

    /** Accounts whose names or emails match a free text (the server decides how), a page at a time. */
    Flux<List<OrgAccount>> search(String text);

    /** The accounts as they are now, an account not found left out, a batch a search; {@code concurrency} at once. */
    Flux<OrgAccount> accounts(List<String> accountIds, int concurrency);

    /**
     * The accounts holding these addresses (an exact match; the sandbox ignores case), managed or not, with their
     * roles, {@link AdminApiClient#searchBatch()} addresses a search ({@code emails[]}).
     */
    Flux<OrgAccount> accountsByEmail(List<String> emails);

    /**
     * How many accounts {@link #accountPages} would list, without listing them ({@code users/count}). Empty when the
     * server does not say: the endpoint is known from a third-party client only (CONTRACT.md §8), so its refusal is
     * not taken for a missing v2 API.
     */
    Mono<Integer> size();

    /** How many of them are managed: {@code users/count} with {@code claimStatus=managed}; empty as {@link #size}. */
    Mono<Integer> managedCount();

    /** Accounts on one page of {@link #accountPages}: what a directory pass costs is the org's size over this. */
    int pageSize();

    /** One account as it is now; an {@link ApiException} with status 404 when there is none. */
    Mono<OrgAccount> account(String accountId);

    /** The account's directory entry, with its groups and roles; empty when no directory holds the account. */
    Mono<DirectoryUser> directoryUser(String accountId);

    /** Suspends or restores the account's access to the org, in the directory (or each directory) that holds it. */
    Mono<Integer> setAccess(String accountId, boolean suspend);

    /** Removes the account from the directory (or each directory) that holds it. */
    Mono<Integer> remove(String accountId);

    /** Adds the account to the group (by ID), or takes it out, in the group's own directory. */
    Mono<Integer> membership(String groupId, String accountId, boolean add);

    /** The accounts a query selects, a page at a time, filtered by the server. */
    Flux<List<OrgAccount>> select(UserQuery query);

    /**
     * The groups with these names (exact, case-insensitive) or IDs, in every directory (CONTRACT.md §8.2); a value
     * that names no group is left out.
     */
    Flux<Group> groupsNamed(Collection<String> namesOrIds);
}
