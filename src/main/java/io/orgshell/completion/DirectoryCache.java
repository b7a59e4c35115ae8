package io.orgshell.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.springframework.stereotype.Component;

/**
 * Account IDs and emails seen by {@code users export} and {@code users find}, for tab completion and for turning
 * an email into an account ID without a request. Only these two strings per account are kept, sorted, so a prefix
 * lookup is a range scan. It holds at most {@link #CAPACITY} accounts: an export of a 100,000-account org must fit
 * in a small heap, and completion past a few thousand candidates helps nobody (lookups fall back to the API).
 */
@Component
public class DirectoryCache {

    static final int CAPACITY = 20_000;

    /** account ID → email */
    private final ConcurrentSkipListMap<String, String> byId = new ConcurrentSkipListMap<>();
    /** lower-cased email → account ID */
    private final ConcurrentSkipListMap<String, String> byEmail = new ConcurrentSkipListMap<>();

    public void put(String accountId, String email) {
        if (accountId == null || accountId.isBlank() || byId.size() >= CAPACITY && !byId.containsKey(accountId)) {
            return;
        }
        String previous = byId.put(accountId, email == null ? "" : email);
        if (previous != null && !previous.isEmpty()) {
            byEmail.remove(previous.toLowerCase(Locale.ROOT), accountId);
        }
        if (email != null && !email.isBlank()) {
            byEmail.put(email.toLowerCase(Locale.ROOT), accountId);
        }
    }

    public String accountIdForEmail(String email) {
        return email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return byId.size();
    }

    public void clear() {
        byId.clear();
        byEmail.clear();
    }

    /** Account IDs, then emails, starting with {@code prefix}; at most {@code limit}. */
    public List<String> complete(String prefix, int limit) {
        String p = prefix == null ? "" : prefix;
        List<String> out = new ArrayList<>();
        collect(byId, p, limit, out);
        collect(byEmail, p.toLowerCase(Locale.ROOT), limit, out);
        return out;
    }

    private static void collect(NavigableMap<String, String> map, String prefix, int limit, List<String> out) {
        for (var e : map.tailMap(prefix, true).entrySet()) {
            if (out.size() >= limit || !e.getKey().startsWith(prefix)) {
                return;
            }
            out.add(e.getKey());
        }
    }
}
