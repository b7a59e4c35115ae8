package io.orgshell.api;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The org's directory through whichever API it has: the v2 directory API or, where v2 answers 404, the v1
 * endpoints. Only the operations whose requests differ between the two are here; what v1 cannot tell (IdP sync,
 * admin role, org access, groups) comes back unknown. Take one per connection from {@link #of}: the choice is made
 * once, by the first v2 request that gets an answer, and kept for the connection's life.
 */
public interface OrgDirectory {

    /**
     * The searches of one lookup in flight at once: a 5,000-row plan is 50 searches by ID and as many by email, and
     * one after another they would take 100 round trips; the rate governor keeps them within the server's limit.
     */
    int SEARCHES_AT_ONCE = 4;

    static OrgDirectory of(AdminApiClient client) {
        return new ProbedDirectory(client);
    }

    /** Whether the org has the v2 directory API (asks the org when no request has told yet). */
    boolean v2();

    /**
     * Every account, a page at a time, the next page asked for once this one is consumed: v2 directory users (with
     * their groups when asked), or v1 managed accounts.
     */
    Flux<List<OrgAccount>> accountPages(boolean withGroups);

    /**
     * Accounts matching a free text, a page at a time: v2 searches names and emails on the server; v1 reads every
     * managed account and keeps those whose ID, email or name contains the text (so a page may be empty).
     */
    Flux<List<OrgAccount>> search(String text);

    /**
     * The accounts as they are now, an account not found left out: v2 asks for a batch at a time, v1 reads each
     * profile; {@code concurrency} searches or reads at once.
     */
    Flux<OrgAccount> accounts(List<String> accountIds, int concurrency);

    /**
     * The accounts holding these addresses (an exact match; the sandbox and v1 ignore case), managed or not: v2 asks for
     * {@link AdminApiClient#searchBatch()} addresses at a time ({@code emails[]}); v1 cannot ask by address and reads
     * the whole managed list.
     */
    Flux<OrgAccount> accountsByEmail(List<String> emails);

    /**
     * How many accounts {@link #accountPages} would list, without listing them: v2 {@code users/count}; v1 the first
     * page's {@code meta.total}. Empty when the server does not say.
     */
    Mono<Integer> size();

    /** How many of them are managed: v2 {@code users/count} with {@code claimStatus=managed}; v1 lists only those. */
    Mono<Integer> managedCount();

    /** Accounts on one page of {@link #accountPages}: what a directory pass costs is the org's size over this. */
    int pageSize();

    /** One account as it is now; an {@link ApiException} with status 404 when there is none. */
    Mono<OrgAccount> account(String accountId);

    /** The account's v2 directory entry; empty without v2, or when no directory holds the account. */
    Mono<DirectoryUser> directoryUser(String accountId);


    /** Suspends or restores the account's access to the org. */
    Mono<Integer> setAccess(String accountId, boolean suspend);

    /** Removes the account from the org's directory. */
    Mono<Integer> remove(String accountId);

    /** Adds the account to the group (by ID), or takes it out. */
    Mono<Integer> membership(String groupId, String accountId, boolean add);

    /**
     * The accounts a query selects, a page at a time: v2 applies its filters on the server; v1 has no such filters
     * and lists every managed account, for the caller to filter.
     */
    Flux<List<OrgAccount>> select(UserQuery query);

    /**
     * The groups with these names (exact, case-insensitive) or IDs, through the groups search of v2 or, without it,
     * of v1 (CONTRACT.md §6.3, §8.2); a value that names no group is left out.
     */
    Flux<Group> groupsNamed(java.util.Collection<String> namesOrIds);
}
