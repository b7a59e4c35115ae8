package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.OrgAccount;
import io.orgshell.core.ExitCodes;
import io.orgshell.core.UserFacingException;
import io.orgshell.directory.DistinctAccounts;
import io.orgshell.directory.PartitionedWalk;
import io.orgshell.directory.PartitionedWalk.Partition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One pass over every account the directory lists, read as the slices of a {@link PartitionedWalk}: the managed
 * accounts as the export reads them (by status, two-step verification and verified domain), and one slice of the
 * unmanaged accounts, a few slices at once, so the pass takes about as long as its largest slice. An account outside
 * every slice (managed on a domain no longer verified, a status the slices do not name) would be missed without a
 * word, so the org's count of its accounts decides: when the slices held fewer distinct accounts, and a second count
 * agrees, the pass is read again one page after another, as the directory lists it. Without a count nothing could
 * tell the slices complete, and the pass is read that way from the start.
 */
final class DirectoryPass {

    /** Takes the pass's accounts one at a time, each once; {@link #restart} before the pass is read again. */
    interface Reader {
        void see(OrgAccount account);

        void restart();
    }

    /**
     * How the pass went.
     *
     * @param slices          the slices walked (0 when the pass was read one page after another from the start)
     * @param heldBySlices    the distinct accounts the slices held
     * @param size            the org's count of its accounts; null when it did not say
     * @param sequential      whether the pass was (also) read one page after another
     * @param pages           the pages read in all
     * @param verifiedDomains the verified domains the slices were cut by; null when there were no slices
     */
    record Outcome(
            int slices, int heldBySlices, Integer size, boolean sequential, int pages, Set<String> verifiedDomains) {

        boolean fellBack() {
            return sequential && slices > 0;
        }
    }

    private static final List<String> EXPAND = List.of("platformRoles", "productAccess");

    private final DirectoryClient directory;
    private final Reader reader;
    private final Consumer<Integer> accountsSeen;
    private final DistinctAccounts held = new DistinctAccounts();
    private int pages;
    private int reported;

    private DirectoryPass(DirectoryClient directory, Reader reader, Consumer<Integer> accountsSeen) {
        this.directory = directory;
        this.reader = reader;
        this.accountsSeen = accountsSeen;
    }

    /**
     * Reads the pass.
     *
     * @param size         the org's count of its accounts, if already asked
     * @param mayAskSize   whether to ask for the count when not known yet (not when the org just refused a count)
     * @param accountsSeen told how many accounts each page brought, one call at a time
     */
    static Outcome read(
            AdminApiClient client,
            DirectoryClient directory,
            boolean groups,
            Integer size,
            boolean mayAskSize,
            Reader reader,
            Consumer<Integer> accountsSeen) {
        if (size == null && mayAskSize) {
            size = directory.size().orElse(null);
        }
        DirectoryPass pass = new DirectoryPass(directory, reader, accountsSeen);
        if (size == null) {
            pass.sequential(groups);
            return new Outcome(0, 0, null, true, pass.pages, null);
        }
        List<Partition> slices = new ArrayList<>(PartitionedWalk.managed(client, Set.of(), Set.of()));
        Set<String> verified = new HashSet<>();
        slices.forEach(p -> verified.addAll(p.domains()));
        slices.add(PartitionedWalk.unmanaged(slices.size()));
        List<String> expand = new ArrayList<>(EXPAND);
        if (groups) {
            expand.add("groups");
        }
        PartitionedWalk.walk(directory, slices, p -> p.query(Set.of(), Set.of()), expand, (p, page) -> pass.page(page));
        if (Thread.currentThread().isInterrupted()) {
            throw new UserFacingException(
                    "preview interrupted after reading " + pass.accountsRead() + " accounts", ExitCodes.INTERRUPTED);
        }
        int held = (int) pass.held.size();
        // accounts removed while the slices were read (a run in another window) are no reason to read again
        boolean complete = held >= size || held >= recount(directory);
        if (!complete) {
            pass.held.clear();
            reader.restart();
            pass.sequential(groups);
        }
        return new Outcome(slices.size(), held, size, !complete, pass.pages, verified);
    }

    /** The directory's size asked again; no answer counts as more than any read (read again to be sure). */
    private static int recount(DirectoryClient directory) {
        try {
            return directory.size().orElse(Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A slice's page: slices call it from their own threads, one at a time. */
    private synchronized void page(List<OrgAccount> accounts) {
        pages++;
        held.firstSeen(accounts).forEach(reader::see);
        reported += accounts.size();
        accountsSeen.accept(accounts.size());
    }

    /** What the progress was told: a slice stopped by the interrupt may still be finishing its page. */
    private synchronized int accountsRead() {
        return reported;
    }

    private void sequential(boolean groups) {
        int read = 0;
        for (List<OrgAccount> accounts : directory.accountPages(groups)) {
            pages++;
            accounts.forEach(reader::see);
            read += accounts.size();
            // read again after the slices: the count goes on from where the slices left it
            if (read > reported) {
                accountsSeen.accept(read - reported);
                reported = read;
            }
        }
    }
}
