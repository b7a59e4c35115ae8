package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Domain;
import io.orgshell.api.OrgAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a plan needs to know of the org, read whichever way costs fewer requests: the plan's accounts looked up by ID
 * (and, for email plans, the target addresses by email) in batched v2 searches, or one pass over the whole directory.
 * A small job in a large org costs a few searches; a plan that touches most of the org costs one pass, read as
 * slices a few at once ({@link DirectoryPass}). Memory follows the plan, not the org, either way, but for the account
 * IDs a pass keeps to tell its slices held every account.
 */
public final class OrgSnapshot {

    /** How the accounts were read. */
    public enum Way {
        SEARCH,
        PASS
    }

    private final DirectoryClient directory;
    private final Map<String, AccountState> accounts = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private final Set<String> askedAddresses = new HashSet<>();
    private final Set<String> verifiedDomains = new HashSet<>();
    private Way way;
    private boolean lookupsOff;
    private Integer size;
    private Integer managedCounted;
    private int managedSeen;
    private int passPages = -1;
    private DirectoryPass.Outcome pass;
    private int idSearches;
    private int addressSearches;
    private int addressesAsked;
    private int batch = 1;

    static final int SEARCHES_NOT_WORTH_A_COUNT = 2;

    private OrgSnapshot(DirectoryClient directory) {
        this.directory = directory;
    }

    /**
     * What a preview asks of the org.
     *
     * @param accountIds       the plan's accounts
     * @param passAddresses    addresses whose holders a directory pass notes (a search asks for them later, through
     *                         {@link #lookUpHolders})
     * @param groups           whether the accounts' groups are needed
     * @param domains          whether the verified domains are needed (email plans)
     * @param searchesPerBatch what a batch of rows costs when looked up: 1, or 2 for an email plan, whose targets are
     *                         asked about too
     * @param managedCount     whether the safety limit needs the org's managed accounts counted
     */
    public record Wanted(
            Set<String> accountIds,
            Set<String> passAddresses,
            boolean groups,
            boolean domains,
            int searchesPerBatch,
            boolean managedCount) {}

    public static OrgSnapshot take(
            AdminApiClient client, DirectoryClient directory, Wanted wanted, Consumer<Integer> accountsSeen) {
        OrgSnapshot s = new OrgSnapshot(directory);
        Set<String> accountIds = wanted.accountIds();
        s.lookupsOff = !directory.looksUpAccounts();
        int batch = directory.searchBatch();
        int searchCost = wanted.searchesPerBatch() * ((accountIds.size() + batch - 1) / batch);
        // a pass costs a page at least, and knowing its size a count: a plan of two searches or fewer is looked up
        // without asking, which never costs more than asking would
        boolean small = searchCost <= SEARCHES_NOT_WORTH_A_COUNT;
        boolean countRefused = false;
        if (!s.lookupsOff && !small) {
            s.size = directory.size().orElse(null);
            countRefused = s.size == null;
        }
        if (s.size != null) {
            s.passPages = (s.size + directory.pageSize() - 1) / directory.pageSize();
        }
        boolean search = !s.lookupsOff && (small || s.passPages >= 0 && searchCost <= s.passPages);
        if (search && wanted.managedCount()) {
            // the safety limit's base: without it the pass counts the managed accounts itself
            s.managedCounted = directory.managedCount().orElse(null);
            search = s.managedCounted != null;
            countRefused = s.managedCounted == null;
        }
        if (search) {
            s.way = Way.SEARCH;
            if (wanted.domains()) {
                s.readVerifiedDomains(client);
            }
            s.batch = batch;
            s.idSearches = (accountIds.size() + batch - 1) / batch;
            directory.accountsById(new ArrayList<>(accountIds)).forEach(u -> {
                s.noteHolder(u);
                if (accountIds.contains(u.accountId())) {
                    s.accounts.put(u.accountId(), AccountState.of(u));
                }
                accountsSeen.accept(1);
            });
        } else {
            s.way = Way.PASS;
            // a count the org just refused is not asked for again: the pass is then read one page after another
            s.pass = DirectoryPass.read(
                    client,
                    directory,
                    wanted.groups(),
                    s.size,
                    !countRefused,
                    s.passReader(accountIds, wanted.passAddresses()),
                    accountsSeen);
            if (wanted.domains()) {
                if (s.pass.verifiedDomains() == null) {
                    s.readVerifiedDomains(client);
                } else {
                    s.verifiedDomains.addAll(s.pass.verifiedDomains());
                }
            }
        }
        return s;
    }

    private void readVerifiedDomains(AdminApiClient client) {
        for (Domain d : client.organizations().domains()) {
            if (d.isVerified() && d.name() != null) {
                verifiedDomains.add(d.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private DirectoryPass.Reader passReader(Set<String> accountIds, Set<String> addresses) {
        return new DirectoryPass.Reader() {
            @Override
            public void see(OrgAccount account) {
                OrgSnapshot.this.see(AccountState.of(account), accountIds, addresses);
            }

            @Override
            public void restart() {
                accounts.clear();
                holders.clear();
                managedSeen = 0;
            }
        };
    }

    private void see(AccountState a, Set<String> accountIds, Set<String> addresses) {
        if (a.managed()) {
            managedSeen++;
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

    private void noteHolder(OrgAccount u) {
        if (u.email() != null && u.accountId() != null) {
            holders.put(u.email().toLowerCase(Locale.ROOT), u.accountId());
        }
    }

    /**
     * Asks who holds these addresses, any account of the org, managed or not. After a pass this asks nothing: the
     * pass noted the holders of every address the plan could give out.
     */
    public void lookUpHolders(Collection<String> emails) {
        if (way != Way.SEARCH) {
            return;
        }
        List<String> ask = new ArrayList<>();
        for (String e : emails) {
            String key = e.toLowerCase(Locale.ROOT);
            if (!holders.containsKey(key) && askedAddresses.add(key)) {
                ask.add(e); // as the file gives it: the contract says "exact match" and nothing of case
            }
        }
        if (ask.isEmpty()) {
            return;
        }
        addressesAsked += ask.size();
        addressSearches += (ask.size() + batch - 1) / batch;
        directory.accountsByEmail(ask).forEach(this::noteHolder);
    }

    /**
     * The base of the size limit for destructive runs: the org's managed accounts, seen in the pass or counted (0 when
     * not asked for, or not told: the limit then rests on the org-admin check alone).
     */
    public int managedAccounts() {
        return way == Way.PASS ? managedSeen : managedCounted == null ? 0 : managedCounted;
    }

    public Way way() {
        return way;
    }

    /** One line for the preview: which way the org was read and what the other would have cost. */
    public String describe() {
        if (way == Way.SEARCH) {
            return "read " + accounts.size() + " accounts by ID"
                    + (addressesAsked == 0 ? "" : " and " + addressesAsked + " target addresses by email") + " in "
                    + plural(idSearches + addressSearches, "search")
                    + (passPages < 0 ? "" : " (a directory pass would take " + plural(passPages, "page") + ")");
        }
        String why = lookupsOff
                ? "lookups are off: orgshell.search.look-up=false"
                : "looking the plan's accounts up would take more requests";
        if (pass.size() == null) {
            return "read the whole directory in one pass (" + (lookupsOff ? why : "the org did not say its size") + ")";
        }
        if (pass.fellBack()) {
            return "read the whole directory in one pass, then again one page after another: its " + pass.slices()
                    + " slices held " + pass.heldBySlices() + " of the org's " + pass.size() + " accounts ("
                    + plural(pass.pages(), "page") + " in all; " + why + ")";
        }
        return "read the whole directory in one pass (" + plural(pass.pages(), "page") + " in " + pass.slices()
                + " slices, a few at once; " + why + ")";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : word.endsWith("h") ? "es" : "s");
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
}
