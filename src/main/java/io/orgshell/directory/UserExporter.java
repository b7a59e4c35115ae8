package io.orgshell.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.ManagedUser;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.csv.SafeCsvWriter;
import org.springframework.stereotype.Service;

/**
 * Streams every managed account to a CSV, page by page: one page is written while the next is in flight, so memory
 * stays flat however large the org. The directory cache is filled on the way for completion.
 */
@Service
public class UserExporter {

    public static final List<String> COLUMNS = List.of("account_id", "email", "name", "account_status",
            "account_type", "access_billable", "last_active", "product_access");

    /** Told the total as soon as the first page says it, then each page's size. */
    public interface Listener {
        void total(long total);

        void exported(int accounts);
    }

    public record Result(Path file, long written, long seen, int pages) {
    }

    public Result export(AdminApiClient client, DirectoryCache cache, Path out, Set<String> statuses, Listener listener) {
        SafeCsvWriter csv;
        try {
            csv = SafeCsvWriter.open(out, COLUMNS);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + describe(e));
        }
        long written = 0;
        long seen = 0;
        int pages = 0;
        try (csv) {
            for (ManagedUser.Page page : client.userPages().toIterable(1)) {
                if (pages++ == 0) {
                    listener.total(page.totalOr(-1));
                }
                List<ManagedUser> users = page.data() == null ? List.of() : page.data();
                for (ManagedUser u : users) {
                    cache.put(u.accountId(), u.email());
                    if (statuses.isEmpty() || statuses.contains(String.valueOf(u.accountStatus()))) {
                        csv.row(row(u));
                        written++;
                    }
                }
                seen += users.size();
                listener.exported(users.size());
                if (Thread.currentThread().isInterrupted()) {
                    throw new UserFacingException("export interrupted after " + seen + " accounts; " + out
                            + " was not written", ExitCodes.INTERRUPTED);
                }
            }
            csv.commit();
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + describe(e));
        }
        return new Result(out, written, seen, pages);
    }

    static List<Object> row(ManagedUser u) {
        String products = u.productAccess() == null ? "" : u.productAccess().stream()
                .map(p -> p.lastActive() == null ? p.key() : p.key() + " (" + p.lastActive() + ")")
                .collect(Collectors.joining("; "));
        return List.of(nz(u.accountId()), nz(u.email()), nz(u.name()), nz(u.accountStatus()), nz(u.accountType()),
                u.accessBillable() == null ? "" : u.accessBillable(), nz(u.lastActive()), products);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
