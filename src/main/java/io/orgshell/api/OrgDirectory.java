package io.orgshell.api;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The directory's re-reads and writes as Reactor types, for the run loop that still composes them; each has a
 * blocking twin on {@link DirectoryClient}.
 */
public interface OrgDirectory {

    /** The accounts as they are now, an account not found left out, a batch a search; {@code concurrency} at once. */
    Flux<OrgAccount> accounts(List<String> accountIds, int concurrency);

    /** One account as it is now; an {@link ApiException} with status 404 when there is none. */
    Mono<OrgAccount> account(String accountId);

    /** Suspends or restores the account's access to the org, in the directory (or each directory) that holds it. */
    Mono<Integer> setAccess(String accountId, boolean suspend);

    /** Removes the account from the directory (or each directory) that holds it. */
    Mono<Integer> remove(String accountId);

    /** Adds the account to the group (by ID), or takes it out, in the group's own directory. */
    Mono<Integer> membership(String groupId, String accountId, boolean add);
}
