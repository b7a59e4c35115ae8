package io.orgshell.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * The live state of the sandbox org: accounts, domains, groups and memberships.
 *
 * <p>Thread safety: reads are lock-free (users are immutable snapshots in an {@link AtomicReferenceArray}, the
 * email index and membership sets are concurrent); every mutation takes this object's monitor, so check-then-act
 * rules such as "email not used by another account" hold under concurrent requests. {@link #reset()} swaps in a
 * freshly seeded state.
 *
 * <p>Accounts keep their seed order forever (none is ever physically deleted), which is what makes cursor paging
 * O(page): a cursor is a position in that order.
 */
public final class SandboxOrg {

    /** One seeded generation of the state; replaced wholesale on reset. */
    private static final class State {
        final SeedData seed;
        final AtomicReferenceArray<SandboxUser> users;
        final Map<String, Integer> indexById;
        final ConcurrentHashMap<String, String> idByEmail;
        /** Positions (in {@link #users}) of managed accounts; managed-ness never changes after seeding. */
        final int[] managed;

        final Map<String, Set<String>> members;

        State(SeedData seed) {
            this.seed = seed;
            int n = seed.users().size();
            users = new AtomicReferenceArray<>(n);
            indexById = new HashMap<>(n * 2);
            idByEmail = new ConcurrentHashMap<>(n * 2);
            int[] managedTmp = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                SandboxUser u = seed.users().get(i);
                users.set(i, u);
                indexById.put(u.accountId(), i);
                idByEmail.put(lower(u.email()), u.accountId());
                if (u.managed()) managedTmp[m++] = i;
            }
            managed = Arrays.copyOf(managedTmp, m);
            members = new HashMap<>();
            seed.membersByGroupId().forEach((g, ids) -> {
                Set<String> set = ConcurrentHashMap.newKeySet(ids.size() * 2);
                set.addAll(ids);
                members.put(g, set);
            });
        }
    }

    /** Outcome of {@link #setEmail}. */
    public enum EmailChange {
        CHANGED,
        UNCHANGED,
        IN_USE
    }

    private final String id;
    private final long seed;
    private final int userCount;
    private final boolean hostile;
    private final int directoryCount;
    private volatile State state;

    SandboxOrg(String id, long seed, int userCount, boolean hostile, int directories) {
        this(id, seed, userCount, hostile, directories, false);
    }

    SandboxOrg(String id, long seed, int userCount, boolean hostile, int directories, boolean singleDomain) {
        this.singleDomain = singleDomain;
        this.id = id;
        this.seed = seed;
        this.userCount = userCount;
        this.hostile = hostile;
        this.directoryCount = directories;
        this.state = new State(seed());
    }

    private final boolean singleDomain;

    private SeedData seed() {
        SeedData data = new SeedGenerator(seed, userCount, directoryCount, singleDomain).generate();
        return hostile ? HostileStrings.applyTo(data) : data;
    }

    /** Back to the seeded state. */
    synchronized void reset() {
        state = new State(seed());
    }

    public String id() {
        return id;
    }

    public String name() {
        return state.seed.orgName();
    }

    public String callerAccountId() {
        return state.seed.callerAccountId();
    }
    /** The first directory: a centralized org's only one, the caller's. */
    public SandboxDirectory directory() {
        return state.seed.directories().get(0);
    }

    public List<SandboxDirectory> directories() {
        return state.seed.directories();
    }

    public Optional<SandboxDirectory> findDirectory(String directoryId) {
        return directories().stream().filter(d -> d.id().equals(directoryId)).findFirst();
    }

    /** The directory that holds the account (in seed order, round robin); empty for an unknown account. */
    public Optional<SandboxDirectory> directoryOf(String accountId) {
        int position = positionOf(accountId);
        List<SandboxDirectory> all = directories();
        return position < 0 ? Optional.empty() : Optional.of(all.get(position % all.size()));
    }

    public List<SandboxDomain> domains() {
        return state.seed.domains();
    }

    public List<SandboxGroup> groups() {
        return state.seed.groups();
    }

    /** Number of accounts (managed or not). */
    public int size() {
        return state.users.length();
    }

    /** The account at a position of the stable seed order. */
    public SandboxUser userAt(int position) {
        return state.users.get(position);
    }

    /** Snapshot of all accounts in seed order. */
    public List<SandboxUser> users() {
        AtomicReferenceArray<SandboxUser> a = state.users;
        List<SandboxUser> out = new ArrayList<>(a.length());
        for (int i = 0; i < a.length(); i++) out.add(a.get(i));
        return out;
    }

    /** Number of managed accounts (those on a verified domain). */
    public int managedCount() {
        return state.managed.length;
    }

    /** The n-th managed account, in seed order. */
    public SandboxUser managedAt(int n) {
        State s = state;
        return s.users.get(s.managed[n]);
    }

    public Optional<SandboxUser> findById(String accountId) {
        State s = state;
        Integer i = accountId == null ? null : s.indexById.get(accountId);
        return i == null ? Optional.empty() : Optional.of(s.users.get(i));
    }

    /** Case-insensitive. */
    public Optional<SandboxUser> findByEmail(String email) {
        if (email == null) return Optional.empty();
        String accountId = state.idByEmail.get(lower(email));
        return accountId == null ? Optional.empty() : findById(accountId);
    }

    /** Position of the account in the seed order, -1 if unknown. */
    public int positionOf(String accountId) {
        Integer i = state.indexById.get(accountId);
        return i == null ? -1 : i;
    }

    public Optional<SandboxDomain> findDomain(String domainId) {
        return domains().stream().filter(d -> d.id().equals(domainId)).findFirst();
    }

    /** Case-insensitive. */
    public Optional<SandboxDomain> findDomainByName(String name) {
        return domains().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    public Optional<SandboxGroup> findGroup(String groupId) {
        return groups().stream().filter(g -> g.id().equals(groupId)).findFirst();
    }

    /** Case-insensitive. */
    public Optional<SandboxGroup> findGroupByName(String name) {
        return groups().stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Account IDs in the group (unmodifiable snapshot). */
    public Set<String> members(String groupId) {
        Set<String> m = state.members.get(groupId);
        return m == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(m));
    }

    public int memberCount(String groupId) {
        Set<String> m = state.members.get(groupId);
        return m == null ? 0 : m.size();
    }

    public boolean isMember(String groupId, String accountId) {
        Set<String> m = state.members.get(groupId);
        return m != null && m.contains(accountId);
    }

    /** The groups the account belongs to, in the org's group order. */
    public List<SandboxGroup> groupsOf(String accountId) {
        State s = state;
        List<SandboxGroup> out = new ArrayList<>(2);
        for (SandboxGroup g : s.seed.groups()) {
            if (s.members.get(g.id()).contains(accountId)) out.add(g);
        }
        return out;
    }

    /**
     * Replaces an account's snapshot. An email change goes through the email index and is refused with
     * {@link IllegalStateException} if another account already has that address.
     */
    public synchronized SandboxUser update(String accountId, UnaryOperator<SandboxUser> change) {
        State s = state;
        Integer i = s.indexById.get(accountId);
        if (i == null) throw new NoSuchElementException("no account " + accountId);
        SandboxUser before = s.users.get(i);
        SandboxUser after = change.apply(before);
        if (!after.accountId().equals(accountId)) throw new IllegalArgumentException("account ID cannot change");
        if (!lower(after.email()).equals(lower(before.email()))) {
            String owner = s.idByEmail.get(lower(after.email()));
            if (owner != null && !owner.equals(accountId)) {
                throw new IllegalStateException("email already used by another account");
            }
            s.idByEmail.remove(lower(before.email()));
            s.idByEmail.put(lower(after.email()), accountId);
        }
        s.users.set(i, after);
        return after;
    }

    /** Sets an account's email unless another account holds it (case-insensitive). */
    public synchronized EmailChange setEmail(String accountId, String email) {
        SandboxUser u = findById(accountId).orElseThrow(() -> new NoSuchElementException("no account " + accountId));
        String owner = state.idByEmail.get(lower(email));
        if (owner != null && !owner.equals(accountId)) return EmailChange.IN_USE;
        if (u.email().equals(email)) return EmailChange.UNCHANGED;
        update(accountId, x -> x.withEmail(email));
        return EmailChange.CHANGED;
    }

    /** @return true if the account was not a member before */
    public synchronized boolean addMember(String groupId, String accountId) {
        Set<String> m = state.members.get(groupId);
        if (m == null) throw new NoSuchElementException("no group " + groupId);
        return m.add(accountId);
    }

    /** @return true if the account was a member before */
    public synchronized boolean removeMember(String groupId, String accountId) {
        Set<String> m = state.members.get(groupId);
        if (m == null) throw new NoSuchElementException("no group " + groupId);
        return m.remove(accountId);
    }

    /** Removes the account from the org directory: no access, no products, no groups. */
    public synchronized void removeFromDirectory(String accountId) {
        update(accountId, u -> u.withAccess(OrgAccess.REMOVED).withProductAccess(List.of()));
        for (Set<String> m : state.members.values()) m.remove(accountId);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
