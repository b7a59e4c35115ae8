package io.orgshell.directory;

import io.orgshell.api.DirectoryClient;
import io.orgshell.api.OrgAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who holds each of a list of addresses, found in batched {@code emails[]} searches (as many addresses a search as
 * {@code orgshell.search.batch-size} allows, the API's most being 100). Addresses compare in any case. The contract
 * says "exact match" and nothing of case, so an address the search did not find as written is asked once more in
 * lower case (the form Atlassian keeps). An address may come back with more than one account (one per directory that
 * lists a person, or two accounts that really share it): each distinct account is kept, for the caller to refuse.
 */
public final class AddressHolders {

    private final Map<String, Set<String>> holders = new HashMap<>();
    private final Map<String, OrgAccount> accounts = new LinkedHashMap<>();
    private int searches;

    private AddressHolders() {}

    public static AddressHolders find(DirectoryClient directory, Collection<String> addresses) {
        AddressHolders found = new AddressHolders();
        Set<String> wanted = new LinkedHashSet<>();
        addresses.forEach(a -> wanted.add(a.strip()));
        found.search(directory, new ArrayList<>(wanted));
        List<String> again = wanted.stream()
                .filter(a -> found.holders(a).isEmpty() && !a.equals(lower(a)))
                .map(AddressHolders::lower)
                .distinct()
                .toList();
        found.search(directory, again);
        return found;
    }

    private void search(DirectoryClient directory, List<String> ask) {
        if (ask.isEmpty()) {
            return;
        }
        int batch = Math.max(1, directory.searchBatch());
        searches += (ask.size() + batch - 1) / batch;
        Set<String> asked = new LinkedHashSet<>();
        ask.forEach(a -> asked.add(lower(a)));
        for (OrgAccount u : directory.accountsByEmail(ask)) {
            // a server that answers more than was asked is not believed about the rest
            if (u.accountId() != null && u.email() != null && asked.contains(lower(u.email()))) {
                holders.computeIfAbsent(lower(u.email()), k -> new LinkedHashSet<>())
                        .add(u.accountId());
                accounts.putIfAbsent(u.accountId(), u);
            }
        }
    }

    /** The IDs of the accounts holding the address, in the order the searches answered; empty when none does. */
    public List<String> holders(String address) {
        Set<String> ids = holders.get(lower(address.strip()));
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /** An account the searches answered, as they answered it. */
    public OrgAccount account(String accountId) {
        return accounts.get(accountId);
    }

    /** The searches sent. */
    public int searches() {
        return searches;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
