package io.orgshell.directory;

import io.orgshell.api.OrgAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The accounts a sliced read has met so far, each once, from several slices' threads at once: an account whose status
 * changed between two slices' pages is in both, and the first it was in counts. About 100 bytes an account.
 */
public final class DistinctAccounts {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong withoutId = new AtomicLong();

    /** The page's accounts not met before; an account without an ID is always new. */
    public List<OrgAccount> firstSeen(List<OrgAccount> page) {
        List<OrgAccount> out = new ArrayList<>(page.size());
        for (OrgAccount a : page) {
            if (a.accountId() == null) {
                withoutId.incrementAndGet();
                out.add(a);
            } else if (ids.add(a.accountId())) {
                out.add(a);
            }
        }
        return out;
    }

    /** As {@link #firstSeen}, for a read after the slices: an account without an ID was taken from them already. */
    public List<OrgAccount> firstSeenWithId(List<OrgAccount> page) {
        List<OrgAccount> out = new ArrayList<>(page.size());
        for (OrgAccount a : page) {
            if (a.accountId() != null && ids.add(a.accountId())) {
                out.add(a);
            }
        }
        return out;
    }

    /** The accounts met, each once. */
    public long size() {
        return ids.size() + withoutId.get();
    }

    /** Forgets them: a read that starts over. */
    public void clear() {
        ids.clear();
        withoutId.set(0);
    }
}
