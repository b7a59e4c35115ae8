package io.orgshell.directory;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.DirectoryUser;
import io.orgshell.api.ManagedUser;
import io.orgshell.api.OrgAccount;
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
import org.springframework.stereotype.Service;

/**
 * Streams accounts to a CSV or JSON Lines file, page by page: one page is written while the next is in flight, so
 * memory stays flat however large the org. The managed accounts come from the v1 list (the one that tells billing,
 * and one Atlassian keeps); each page is joined with one v2 search naming its accounts, for org access, the admin
 * role, IdP sync and groups. {@code --unmanaged} accounts exist only in v2's directory and come from its search. The directory
 * cache is filled on the way for completion.
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

    public enum Format {
        CSV,
        JSON
    }

    /** Told the total as soon as the first page says it, then each page's size. */
    public interface Listener {
        void total(long total);

        void exported(int accounts);
    }

    public record Result(OutputTarget out, long written, long seen, int pages) {}

    private final SelectionService selections;

    public UserExporter(SelectionService selections) {
        this.selections = selections;
    }

    /**
     * An export that finds no account writes no file: one already there is left as it was (its accounts are not
     * replaced by a header line), and the command fails saying so; a stream gets the header, so its reader ends.
     */
    public Result export(
            AdminApiClient client,
            DirectoryClient directory,
            DirectoryCache cache,
            OutputTarget out,
            Selection selection,
            Format format,
            Listener listener) {
        selections.checkDomains(client, selection.domains());
        String groupId = selection.group() == null
                ? null
                : selections
                        .group(directory, selection.group(), RefusedValueException.Part.GROUP)
                        .id();
        ExportSink sink;
        try {
            sink = ExportSink.open(out, COLUMNS, format == Format.JSON);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + describe(e));
        }
        long written = 0;
        long seen = 0;
        int pages = 0;
        boolean json = format == Format.JSON;
        try (sink) {
            if (selection.management() != Selection.Management.UNMANAGED) {
                for (ManagedUser.Page page : client.organizations().userPages()) {
                    if (pages++ == 0) {
                        listener.total(page.totalOr(-1));
                    }
                    List<ManagedUser> users = page.data() == null ? List.of() : page.data();
                    Map<String, DirectoryUser> joined = join(directory, users);
                    for (ManagedUser u : users) {
                        cache.put(u.accountId(), u.email());
                        AccountFacts facts = merge(AccountFacts.of(u), joined.get(u.accountId()));
                        if (selection.matches(facts, groupId)) {
                            sink.row(row(facts, json));
                            written++;
                        }
                    }
                    seen += users.size();
                    listener.exported(users.size());
                    interrupted(out, seen);
                }
            }
            if (selection.management() == Selection.Management.UNMANAGED) {
                UserQuery query = new UserQuery(
                        selection.domains(),
                        selection.statusLabels(),
                        selection.accessLabels(),
                        groupId == null ? Set.of() : Set.of(groupId),
                        "unmanaged",
                        true);
                for (List<OrgAccount> page : directory.select(query)) {
                    pages++;
                    for (OrgAccount a : page) {
                        cache.put(a.accountId(), a.email());
                        AccountFacts facts = AccountFacts.of(a);
                        if (selection.matches(facts, null)) {
                            sink.row(row(facts, json));
                            written++;
                        }
                    }
                    seen += page.size();
                    listener.exported(page.size());
                    interrupted(out, seen);
                }
            }
            if (written == 0 && !sink.isStream()) {
                throw nothingFound(out, selection, seen, false);
            }
            sink.commit();
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException("cannot write " + out + ": "
                    + describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
        }
        if (written == 0) {
            throw nothingFound(out, selection, seen, true);
        }
        return new Result(out, written, seen, pages);
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
        cells.add(a.lastActive() == null ? (json ? null : "") : a.lastActive().toString());
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
