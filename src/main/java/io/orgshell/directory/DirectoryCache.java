package io.orgshell.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Account IDs and emails of one connected org seen by {@code users export}, {@code users find} and {@code users show},
 * for tab completion at the prompt. It belongs to the connection: a {@code connect} to another org starts from an
 * empty one, so no account of one org is ever offered in another. Only these two strings per account are kept (about
 * 200 bytes an account, so 100,000 accounts take some 20 MB): two hash maps for the exact lookups an export does once
 * per account, and two sorted arrays for prefix completion, rebuilt only when completion asks after a change (a sort
 * of 100,000 strings takes tens of milliseconds, a keypress after an export can afford it). Without a prompt (one
 * command, a script) nothing would ever be completed: {@link #keepingNothing()} saves an export of 100,000 accounts
 * the memory and the garbage collector's work of keeping them.
 */
public class DirectoryCache {

    /** Beyond this many accounts new ones are not kept: memory stays bounded, lookups fall back to the API. */
    static final int CAPACITY = 250_000;

    /** account ID → email ("" when unknown) */
    private final Map<String, String> byId = new HashMap<>();
    /** lower-cased email → account ID */
    private final Map<String, String> byEmail = new HashMap<>();

    private String[] sortedIds = new String[0];
    private String[] sortedEmails = new String[0];
    private boolean dirty;
    private final boolean keeps;

    /** A cache that keeps the accounts it is given. */
    public DirectoryCache() {
        this(true);
    }

    private DirectoryCache(boolean keeps) {
        this.keeps = keeps;
    }

    /** For a connection with no prompt to complete at: takes every account and keeps none. */
    public static DirectoryCache keepingNothing() {
        return new DirectoryCache(false);
    }

    public void put(String accountId, String email) {
        if (keeps) {
            keep(accountId, email);
        }
    }

    private synchronized void keep(String accountId, String email) {
        if (accountId == null || accountId.isBlank() || byId.size() >= CAPACITY && !byId.containsKey(accountId)) {
            return;
        }
        String stored = email == null ? "" : email;
        String previous = byId.put(accountId, stored);
        if (previous != null && !previous.isEmpty()) {
            byEmail.remove(previous.toLowerCase(Locale.ROOT), accountId);
        }
        if (email != null && !email.isBlank()) {
            byEmail.put(email.toLowerCase(Locale.ROOT), accountId);
        }
        dirty |= !stored.equals(previous);
    }

    public synchronized String accountIdForEmail(String email) {
        return email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT));
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Account IDs, then emails, starting with {@code prefix}; at most {@code limit}. */
    public synchronized List<String> complete(String prefix, int limit) {
        if (dirty) {
            sortedIds = sorted(byId.keySet().toArray(String[]::new));
            sortedEmails = sorted(byEmail.keySet().toArray(String[]::new));
            dirty = false;
        }
        String p = prefix == null ? "" : prefix;
        List<String> out = new ArrayList<>();
        collect(sortedIds, p, limit, out);
        collect(sortedEmails, p.toLowerCase(Locale.ROOT), limit, out);
        return out;
    }

    private static String[] sorted(String[] values) {
        Arrays.sort(values);
        return values;
    }

    private static void collect(String[] sorted, String prefix, int limit, List<String> out) {
        int i = Arrays.binarySearch(sorted, prefix);
        for (i = i < 0 ? -i - 1 : i; i < sorted.length && out.size() < limit && sorted[i].startsWith(prefix); i++) {
            out.add(sorted[i]);
        }
    }
}
