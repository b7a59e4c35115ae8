package io.orgshell.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.Domain;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.OrgDirectory;

/**
 * One pass over the org's directory, keeping only what a plan asks about: the state of the plan's accounts, and who
 * holds each address the plan wants to give out. Memory follows the plan, not the org. Uses the v2 directory listing
 * (it tells IdP sync and admin roles) or, for an org without it, the v1 managed-account list: whichever the
 * connection's {@link OrgDirectory} has.
 */
public final class OrgSnapshot {

    private final Map<String, AccountState> accounts = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private final Set<String> verifiedDomains = new HashSet<>();
    private boolean fromV2;
    private int managedAccounts;

    public static OrgSnapshot take(AdminApiClient client, OrgDirectory directory, Set<String> accountIds,
                                   Set<String> addresses, Consumer<Integer> accountsSeen) {
        return take(client, directory, accountIds, addresses, accountsSeen, false);
    }

    public static OrgSnapshot take(AdminApiClient client, OrgDirectory directory, Set<String> accountIds,
                                   Set<String> addresses, Consumer<Integer> accountsSeen, boolean withGroups) {
        OrgSnapshot s = new OrgSnapshot();
        for (Domain d : client.domains().collectList().block()) {
            if (d.isVerified() && d.name() != null) {
                s.verifiedDomains.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
        for (List<OrgAccount> users : directory.accountPages(withGroups).toIterable(1)) {
            users.forEach(u -> s.see(AccountState.of(u), accountIds, addresses));
            accountsSeen.accept(users.size());
        }
        s.fromV2 = directory.v2();
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
