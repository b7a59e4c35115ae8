package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.DirectoryUser;
import io.orgshell.api.ManagedUser;
import io.orgshell.api.OrgAccount;
import io.orgshell.api.PageWalk;
import io.orgshell.api.UserQuery;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.OutputTarget;
import io.orgshell.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Streams accounts to a CSV or JSON Lines file, page by page; what it keeps grows with the org only by each account's
 * ID (about 100 bytes an account, to write each account once). The managed accounts come from the v2 directory search,
 * one request per page of 100 with everything the columns need ({@code claimStatus=managed}, {@code expand} platform
 * roles and product access), read as the slices of a {@link PartitionedWalk} a few at once; the first slice is written
 * straight to the file, the others to parts appended in the slices' order, so the file's order is stable: the slices'
 * order, then the server's order within each. {@code access_billable} is told by the v1 list only: asking for it reads the v1 list and joins each
 * page with one v2 search, two requests per page, one after another. {@code --unmanaged} accounts come from v2's
 * search. The directory cache is filled on the way for completion.
 */
@Service
public class UserExporter {

    public static final List<String> COLUMNS = List.of(
            "account_id",
            "email",
            "name",
            "account_status",
            "account_type",
            "access_billable",
            "last_active",
            "product_access",
            "org_access",
            "org_admin",
            "idp_managed",
            "managed",
            "mfa");

    /** Told by the v1 list only, so written only when asked for. */
    public static final String V1_ONLY = "access_billable";

    /** What an export writes unless told otherwise: every column the v2 search tells. */
    public static final List<String> DEFAULT_COLUMNS =
            COLUMNS.stream().filter(c -> !c.equals(V1_ONLY)).toList();

    /** Every account's membership, the removed ones included: the managed accounts as v1 lists them. */
    private static final Set<String> ANY_MEMBERSHIP = Set.of("active", "suspended", "no_membership");

    private static final List<String> EXPAND = List.of("platformRoles", "productAccess");

    public enum Format {
        CSV,
        JSON
    }

    /** Told the total as soon as it is known, then each page's size (from any thread, one call at a time). */
    public interface Listener {
        void total(long total);

        void exported(int accounts);
    }

    /**
     * @param checked          whether the org's count confirmed the slices held every managed account (false: the org
     *                         gave no count; null: the export read no slices)
     * @param outsideTheSlices accounts the slices did not hold, found by one more walk after them (0: none was needed)
     */
    public record Result(
            OutputTarget out, long written, long seen, int pages, Boolean checked, long outsideTheSlices) {}

    private final SelectionService selections;

    public UserExporter(SelectionService selections) {
        this.selections = selections;
    }

    /**
     * An export that finds no account writes no file: one already there is left as it was (its accounts are not
     * replaced by a header line), and the command fails saying so; a stream gets the header, so its reader ends.
     *
     * @param columns the columns to write, in this order (names of {@link #COLUMNS})
     */
    public Result export(
            AdminApiClient client,
            DirectoryClient directory,
            DirectoryCache cache,
            OutputTarget out,
            Selection selection,
            Format format,
            List<String> columns,
            Listener listener) {
        selections.checkDomains(client, selection.domains());
        String groupId = selection.group() == null
                ? null
                : selections
                        .group(directory, selection.group(), RefusedValueException.Part.GROUP)
                        .id();
        int[] picked = columns.stream().mapToInt(COLUMNS::indexOf).toArray();
        ExportSink sink;
        try {
            sink = ExportSink.open(out, columns, format == Format.JSON);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + describe(e));
        }
        Tally tally = new Tally(listener);
        boolean json = format == Format.JSON;
        Writing writing = new Writing(cache, selection, json, picked, tally);
        Completeness completeness = null;
        try (sink) {
            if (selection.management() == Selection.Management.UNMANAGED) {
                unmanaged(directory, selection, groupId, sink, writing);
            } else if (columns.contains(V1_ONLY)) {
                joined(client, directory, selection, groupId, sink, writing);
            } else {
                completeness = partitioned(client, directory, selection, groupId, sink, writing);
            }
            interrupted(out, tally.seen());
            if (tally.written() == 0 && !sink.isStream()) {
                throw nothingFound(out, selection, tally.seen(), false);
            }
            sink.commit();
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException("cannot write " + out + ": "
                    + describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        }
        if (tally.written() == 0) {
            throw nothingFound(out, selection, tally.seen(), true);
        }
        return new Result(
                out,
                tally.written(),
                tally.seen(),
                tally.pages(),
                completeness == null ? null : completeness.checked(),
                completeness == null ? 0 : completeness.outsideTheSlices());
    }

    /** The counts of an export whose pages may arrive on several threads. */
    private static final class Tally {
        private final Listener listener;
        private long written;
        private long seen;
        private int pages;

        Tally(Listener listener) {
            this.listener = listener;
        }

        synchronized void page(int accounts, int matched) {
            pages++;
            seen += accounts;
            written += matched;
            listener.exported(accounts);
        }

        /** A count taken before accounts were added to the org may be lower than what was read: never below that. */
        synchronized void total(long total) {
            listener.total(Math.max(total, seen));
        }

        synchronized long written() {
            return written;
        }

        synchronized long seen() {
            return seen;
        }

        synchronized int pages() {
            return pages;
        }
    }

    /** What to do with each account read: remember it for completion, select it, write its cells. */
    private record Writing(DirectoryCache cache, Selection selection, boolean json, int[] picked, Tally tally) {

        /** Writes the page's accounts the selection matches (a group is already the server's filter). */
        void page(List<? extends OrgAccount> accounts, Function<OrgAccount, AccountFacts> facts, RowSink to) {
            page(accounts, null, facts, to);
        }

        /** As above, {@code groupId} checked here: the accounts carry their groups. */
        void page(
                List<? extends OrgAccount> accounts,
                String groupId,
                Function<OrgAccount, AccountFacts> facts,
                RowSink to) {
            int matched = 0;
            for (OrgAccount a : accounts) {
                cache.put(a.accountId(), a.email());
                AccountFacts f = facts.apply(a);
                if (selection.matches(f, groupId)) {
                    to.row(cells(f));
                    matched++;
                }
            }
            tally.page(accounts.size(), matched);
        }

        private List<Object> cells(AccountFacts f) {
            List<Object> all = row(f, json);
            List<Object> out = new ArrayList<>(picked.length);
            for (int i : picked) {
                out.add(all.get(i));
            }
            return out;
        }
    }

    private interface RowSink {
        void row(List<Object> cells);
    }

    /**
     * The managed accounts, one v2 search per page, the slices a few at once: the first slice straight into the file,
     * the others into parts appended in order once every slice is read. An account two slices return (its status
     * changed between their pages) is written once. A {@link SliceCount} beside the walk gives the progress bar its
     * total and tells whether the slices held every account: when they did not, the accounts outside them are looked
     * for by one walk without slices over where they can be, and written after the others.
     */
    private static Completeness partitioned(
            AdminApiClient client,
            DirectoryClient directory,
            Selection selection,
            String groupId,
            ExportSink sink,
            Writing writing)
            throws IOException {
        Boolean mfa = selection.mfa() == Selection.Mfa.ANY ? null : selection.mfa() == Selection.Mfa.ENABLED;
        List<PartitionedWalk.Partition> slices =
                PartitionedWalk.managed(client, selection.domains(), selection.statusLabels(), mfa);
        Set<String> membership = selection.access().isEmpty() ? ANY_MEMBERSHIP : selection.accessLabels();
        Set<String> groups = groupId == null ? Set.of() : Set.of(groupId);
        UserQuery whole =
                new UserQuery(selection.domains(), selection.statusLabels(), membership, groups, "managed", true, mfa);
        DistinctAccounts read = new DistinctAccounts();
        List<ExportSink.Part> parts = new ArrayList<>();
        try (SliceCount count = new SliceCount(directory, whole, writing.tally()::total)) {
            for (int i = 1; i < slices.size(); i++) {
                parts.add(sink.part());
            }
            PartitionedWalk.walk(
                    directory,
                    slices,
                    slice -> slice.query(membership, groups),
                    EXPAND,
                    (slice, page) -> writing.page(
                            read.firstSeen(page),
                            AccountFacts::of,
                            slice.index() == 0 ? sink::row : parts.get(slice.index() - 1)::row));
            if (Thread.currentThread().isInterrupted()) {
                return Completeness.UNCHECKED;
            }
            for (ExportSink.Part part : parts) {
                sink.append(part);
            }
            SliceCount.Verdict verdict = count.after(read.size());
            if (verdict != SliceCount.Verdict.SHORT) {
                return verdict == SliceCount.Verdict.COMPLETE ? Completeness.COMPLETE : Completeness.UNCHECKED;
            }
        } finally {
            for (ExportSink.Part part : parts) {
                part.close();
            }
        }
        long before = read.size();
        try (PageWalk<List<OrgAccount>> pages = directory.select(outsideTheSlices(whole, selection), EXPAND)) {
            for (List<OrgAccount> page : pages) {
                writing.page(read.firstSeenWithId(page), AccountFacts::of, sink::row);
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        }
        return new Completeness(true, read.size() - before);
    }

    /**
     * Where an account the slices missed can be. Without a domain in the selection, only the slices of the active
     * accounts with two-step verification name domains: the missed account is such an account on a domain no longer
     * verified, or one that became such an account while the slices were read (an account that changed the other
     * way, into a slice read before, stays missed, as a walk one page after another misses it). With a domain in the
     * selection every slice names it, and the whole selection is read again.
     */
    private static UserQuery outsideTheSlices(UserQuery whole, Selection selection) {
        boolean activeWithMfa =
                (whole.accountStatus().isEmpty() || whole.accountStatus().contains("active"))
                        && !Boolean.FALSE.equals(whole.mfaEnabled());
        if (!selection.domains().isEmpty() || !activeWithMfa) {
            return whole;
        }
        return new UserQuery(
                Set.of(),
                Set.of("active"),
                whole.membershipStatus(),
                whole.groupIds(),
                whole.claimStatus(),
                whole.productAccess(),
                true);
    }

    /**
     * Whether the export was checked against the org's count, and how many accounts the slices did not hold and one
     * more walk found.
     */
    record Completeness(boolean checked, long outsideTheSlices) {
        static final Completeness COMPLETE = new Completeness(true, 0);
        static final Completeness UNCHECKED = new Completeness(false, 0);
    }

    private static void unmanaged(
            DirectoryClient directory, Selection selection, String groupId, ExportSink sink, Writing writing) {
        UserQuery query = new UserQuery(
                selection.domains(),
                selection.statusLabels(),
                selection.accessLabels(),
                groupId == null ? Set.of() : Set.of(groupId),
                "unmanaged",
                true);
        for (List<OrgAccount> page : directory.select(query)) {
            writing.page(page, AccountFacts::of, sink::row);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** The v1 list (the one that tells billing), each page joined with one v2 search naming its accounts. */
    private static void joined(
            AdminApiClient client,
            DirectoryClient directory,
            Selection selection,
            String groupId,
            ExportSink sink,
            Writing writing) {
        boolean first = true;
        for (ManagedUser.Page page : client.organizations().userPages()) {
            if (first) {
                writing.tally().total(page.totalOr(-1));
                first = false;
            }
            List<ManagedUser> users = page.data() == null ? List.of() : page.data();
            Map<String, DirectoryUser> v2 = join(directory, users);
            writing.page(
                    users,
                    groupId,
                    a -> merge(AccountFacts.of((ManagedUser) a), v2.get(a.accountId())),
                    cells -> sink.row(cells));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static UserFacingException nothingFound(OutputTarget out, Selection selection, long seen, boolean stream) {
        String found = selection.isEverything()
                ? "no account to export"
                : String.format("no account matched the selection (%,d read)", seen);
        String left = stream
                ? "only the header was written to " + out
                : out.holdsAFile() ? out + " was left as it was" : out + " was not written";
        return new UserFacingException(found + "; " + left);
    }

    private static void interrupted(OutputTarget out, long seen) {
        // a slice's thread may have been stopped by it too: the file is not written either way
        if (Thread.currentThread().isInterrupted()) {
            throw new UserFacingException(
                    "export interrupted after " + seen + " accounts; " + out + " was not written",
                    ExitCodes.INTERRUPTED);
        }
    }

    /** One v2 search for the page's accounts (with their groups); an account v2 does not hold stays unjoined. */
    private static Map<String, DirectoryUser> join(DirectoryClient directory, List<ManagedUser> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        List<String> ids = new ArrayList<>(users.size());
        users.forEach(u -> ids.add(u.accountId()));
        Map<String, DirectoryUser> out = new HashMap<>();
        for (OrgAccount a : directory.accountsById(ids)) {
            if (a instanceof DirectoryUser d) {
                out.put(d.accountId(), d);
            }
        }
        return out;
    }

    /** The v1 entry's own facts, with what only v2 tells added. */
    static AccountFacts merge(AccountFacts v1, DirectoryUser v2) {
        if (v2 == null) {
            return v1;
        }
        AccountFacts d = AccountFacts.of(v2);
        return new AccountFacts(
                v1.accountId(),
                v1.email(),
                v1.name(),
                v1.accountStatus(),
                v1.accountType(),
                v1.accessBillable(),
                d.access(),
                d.orgAdmin(),
                d.idp(),
                v1.managed(),
                v1.lastActive(),
                d.addedToOrg(),
                d.groupIds(),
                v1.products(),
                v1.activityKnown(),
                d.mfa());
    }

    static List<Object> row(AccountFacts a, boolean json) {
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(Objects.toString(a.accountId(), ""));
        cells.add(Objects.toString(a.email(), ""));
        cells.add(Objects.toString(a.name(), ""));
        cells.add(Objects.toString(a.accountStatus(), ""));
        cells.add(Objects.toString(a.accountType(), ""));
        cells.add(bool(a.accessBillable(), json));
        cells.add(a.lastActive() == null ? (json ? null : "") : InstantText.of(a.lastActive()));
        cells.add(
                json
                        ? a.products().stream()
                                .map(p -> {
                                    Map<String, Object> o = new LinkedHashMap<>();
                                    o.put("key", p.key());
                                    o.put("last_active", p.lastActive());
                                    return o;
                                })
                                .toList()
                        : String.join(
                                "; ",
                                a.products().stream()
                                        .map(AccountFacts.Product::describe)
                                        .toList()));
        cells.add(a.access() == null ? (json ? null : "") : a.access());
        cells.add(bool(a.orgAdmin(), json));
        cells.add(bool(a.idp(), json));
        cells.add(bool(a.managed(), json));
        cells.add(bool(a.mfa(), json));
        return cells;
    }

    private static Object bool(Boolean b, boolean json) {
        return b == null ? (json ? null : "") : json ? b : String.valueOf(b);
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
