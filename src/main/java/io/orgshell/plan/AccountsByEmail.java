package io.orgshell.plan;

import io.orgshell.api.DirectoryClient;
import io.orgshell.directory.AddressHolders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of the rows that name them by email alone, found by preview in batched searches. A row whose address
 * one account holds carries that account's ID from here on: the checks, the steps, the run's files, its journal and
 * its undo plan all go by the ID, so neither the run nor a resume asks the address again (it may have moved since).
 * A row whose address no account holds, or two do, is blocked with the address and its line.
 */
final class AccountsByEmail {

    private final List<PlanRow> rows;
    private final Map<Integer, String> blocked;
    private final int found;
    private final int searches;

    private AccountsByEmail(List<PlanRow> rows, Map<Integer, String> blocked, int found, int searches) {
        this.rows = rows;
        this.blocked = blocked;
        this.found = found;
        this.searches = searches;
    }

    static AccountsByEmail resolve(DirectoryClient directory, Plan plan) {
        List<String> addresses = new ArrayList<>();
        for (PlanRow r : plan.rows()) {
            if (asks(r, plan.operation())) {
                addresses.add(r.value(Operation.Columns.EMAIL));
            }
        }
        if (addresses.isEmpty()) {
            return new AccountsByEmail(plan.rows(), Map.of(), 0, 0);
        }
        AddressHolders holders = AddressHolders.find(directory, addresses);
        List<PlanRow> rows = new ArrayList<>(plan.size());
        Map<Integer, String> blocked = new HashMap<>();
        int found = 0;
        for (PlanRow r : plan.rows()) {
            if (!asks(r, plan.operation())) {
                rows.add(r);
                continue;
            }
            String address = r.value(Operation.Columns.EMAIL);
            List<String> ids = holders.holders(address);
            if (ids.size() == 1) {
                rows.add(withAccount(r, ids.get(0)));
                found++;
            } else {
                rows.add(r);
                blocked.put(
                        r.index(),
                        ids.isEmpty()
                                ? "no account has " + address + " (line " + r.line() + ")"
                                : address + " is the address of " + ids.size() + " accounts (" + String.join(", ", ids)
                                        + ") (line " + r.line() + "); name the account by its ID");
            }
        }
        return new AccountsByEmail(List.copyOf(rows), blocked, found, holders.searches());
    }

    /** A row that names its account by address alone, and whose address is worth asking about. */
    private static boolean asks(PlanRow r, Operation operation) {
        return PlanLoader.namedByEmail(r, operation) && !r.isInvalid() && !r.isConflicting();
    }

    private static PlanRow withAccount(PlanRow r, String accountId) {
        Map<String, String> values = new LinkedHashMap<>(r.values());
        values.put(Operation.Columns.ACCOUNT_ID, accountId);
        return new PlanRow(r.index(), r.line(), accountId, values, r.cells(), r.invalidReason(), r.conflictReason());
    }

    /** The plan's rows, each that named its account by an address one account holds now carrying its ID. */
    List<PlanRow> rows() {
        return rows;
    }

    /** Why the row's address names no single account, or null. */
    String blocked(PlanRow row) {
        return blocked.get(row.index());
    }

    /** How the addresses were read, for preview's line on how the org was read; null when there were none. */
    String describe() {
        if (searches == 0) {
            return null;
        }
        return "found " + found + (found == 1 ? " account" : " accounts") + " by email in " + searches
                + (searches == 1 ? " search" : " searches");
    }
}
