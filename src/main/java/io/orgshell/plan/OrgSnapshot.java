package io.orgshell.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ApiException;
import io.orgshell.api.DirectoryUser;
import io.orgshell.api.Domain;
import io.orgshell.api.ManagedUser;

/**
 * One pass over the org's directory, keeping only what a plan asks about: the state of the plan's accounts, and who
 * holds each address the plan wants to give out. Memory follows the plan, not the org. Uses the v2 directory listing
 * (it tells IdP sync and admin roles); where v2 answers 404, the v1 managed-account list.
 */
public final class OrgSnapshot {

    /** The v2 directory ID meaning every directory the key may read. */
    static final String ALL_DIRECTORIES = "-";

    private final Map<String, AccountState> accounts = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private final Set<String> verifiedDomains = new HashSet<>();
    private boolean fromV2 = true;
    private int managedAccounts;

    public static OrgSnapshot take(AdminApiClient client, Set<String> accountIds, Set<String> addresses,
                                   Consumer<Integer> accountsSeen) {
        return take(client, accountIds, addresses, accountsSeen, false);
    }

    public static OrgSnapshot take(AdminApiClient client, Set<String> accountIds, Set<String> addresses,
                                   Consumer<Integer> accountsSeen, boolean withGroups) {
        OrgSnapshot s = new OrgSnapshot();
        for (Domain d : client.domains().collectList().block()) {
            if (d.isVerified() && d.name() != null) {
                s.verifiedDomains.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        try {
            for (DirectoryUser.Page page : client.directoryUserPages(ALL_DIRECTORIES, null, withGroups).toIterable(1)) {
                List<DirectoryUser> users = page.data() == null ? List.of() : page.data();
                users.forEach(u -> s.see(AccountState.of(u), accountIds, addresses));
                accountsSeen.accept(users.size());
            }
        } catch (ApiException e) {
            if (e.status() != 404 || s.managedAccounts > 0) {
                throw e;
            }
            s.fromV2 = false;
            for (ManagedUser.Page page : client.userPages().toIterable(1)) {
                List<ManagedUser> users = page.data() == null ? List.of() : page.data();
                users.forEach(u -> s.see(AccountState.of(u), accountIds, addresses));
                accountsSeen.accept(users.size());
            }
        }
        return s;
    }

    private void see(AccountState a, Set<String> accountIds, Set<String> addresses) {
        if (a.managed()) {
            managedAccounts++;
        }
        if (a.accountId() != null && accountIds.contains(a.accountId())) {
            accounts.put(a.accountId(), a);
        }
        if (a.email() != null) {
            String key = a.email().toLowerCase(Locale.ROOT);
            if (addresses.contains(key)) {
                holders.put(key, a.accountId());
            }
        }
    }

    /** Managed accounts seen in the pass: the base of the size limit for destructive runs. */
    public int managedAccounts() {
        return managedAccounts;
    }

    public AccountState account(String accountId) {
        return accounts.get(accountId);
    }

    /** The account currently holding {@code email}, if the plan asked about that address. */
    public String holderOf(String email) {
        return email == null ? null : holders.get(email.toLowerCase(Locale.ROOT));
    }

    public boolean isVerifiedDomain(String domain) {
        return domain != null && verifiedDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** False when the org had no v2 directory API, so IdP sync and admin roles are unknown. */
    public boolean fromV2() {
        return fromV2;
    }
}
