package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.AuthPolicy;
import io.orgshell.api.Workspace;
import io.orgshell.core.UserFacingException;
import io.orgshell.directory.AccessTargets;
import io.orgshell.directory.AccountFacts;
import io.orgshell.directory.SelectionService;
import io.orgshell.plan.Operation.Columns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code plan access-revoke|access-grant|policy-add}: the product (by the handle {@code products list}
 * shows) or the policy (by name) on every row. A revoke leaves out the selected accounts the directory shows without
 * the product, so that {@code --inactive-since} reaches only those it can take something from; and for a revoke,
 * {@code --inactive-since} is judged by the product revoked (someone in Confluence every day who has not opened Jira
 * for a year loses Jira), its last use written in a {@code last_active} column.
 */
final class AccessPlans {

    private AccessPlans() {}

    static boolean builds(Operation op) {
        return op == Operation.ACCESS_REVOKE || op == Operation.ACCESS_GRANT || op == Operation.POLICY_ADD;
    }

    static DirectoryPlanner.Draft draft(
            AdminApiClient client, SelectionService.Selected selected, DirectoryPlanner.Request req) {
        Operation op = req.operation();
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        List<String> header;
        if (op == Operation.POLICY_ADD) {
            AuthPolicy policy = AccessTargets.policy(client.policies().policies(), req.group());
            header = List.of(Columns.ACCOUNT_ID, Columns.POLICY, Columns.EMAIL);
            for (AccountFacts a : selected.accounts()) {
                rows.add(List.of(a.accountId(), policy.name(), a.email() == null ? "" : a.email()));
            }
        } else {
            List<Workspace> workspaces = client.workspaces().workspaces();
            Workspace product = AccessTargets.product(workspaces, req.group());
            boolean byKey = AccessTargets.onlySiteOfItsProduct(workspaces, product);
            String handle = AccessTargets.handle(product);
            boolean granting = op == Operation.ACCESS_GRANT;
            Instant since = granting ? null : req.selection().inactiveSince();
            header = granting
                    ? List.of(Columns.ACCOUNT_ID, Columns.PRODUCT, Columns.ROLE, Columns.EMAIL)
                    : since == null
                            ? List.of(Columns.ACCOUNT_ID, Columns.PRODUCT, Columns.EMAIL)
                            : List.of(Columns.ACCOUNT_ID, Columns.PRODUCT, Columns.EMAIL, DirectoryPlanner.LAST_ACTIVE);
            for (AccountFacts a : selected.accounts()) {
                if (!granting && told(a) && !has(a, product, byKey)) {
                    leftOut.merge("without " + handle, 1, Integer::sum);
                    continue;
                }
                String email = a.email() == null ? "" : a.email();
                if (granting) {
                    rows.add(List.of(a.accountId(), handle, req.role(), email));
                } else if (since == null) {
                    rows.add(List.of(a.accountId(), handle, email));
                } else {
                    String used = usedSince(a, product, byKey, since);
                    if (used != null) {
                        leftOut.merge(
                                used.isEmpty() ? "activity not told" : "used " + handle + " since", 1, Integer::sum);
                        continue;
                    }
                    Instant last = lastUse(a, product, byKey);
                    rows.add(List.of(
                            a.accountId(),
                            handle,
                            email,
                            last == null
                                    ? "never"
                                    : LocalDate.ofInstant(last, ZoneOffset.UTC).toString()));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new UserFacingException(
                    "no account matches " + req.selection().describe()
                            + (op == Operation.ACCESS_REVOKE ? " with access to " + req.group() : "")
                            + "; nothing was written");
        }
        return new DirectoryPlanner.Draft(
                op, req.selection().describe(), header, List.copyOf(rows), Map.copyOf(leftOut));
    }

    /** Whether the listing told the account's products (an empty list without activity may be "not asked"). */
    private static boolean told(AccountFacts a) {
        return a.products() != null && (!a.products().isEmpty() || a.activityKnown());
    }

    /**
     * Null when the account has not used the product since {@code since} (never used counts from when it joined the
     * org); otherwise why it stays: "" when its activity is not told, which is never a reason to cut anyone off.
     */
    private static String usedSince(AccountFacts a, Workspace w, boolean byKey, Instant since) {
        if (!a.activityKnown()) {
            return "";
        }
        Instant last = lastUse(a, w, byKey);
        if (last != null) {
            return last.isBefore(since) ? null : "used";
        }
        return a.addedToOrg() == null || a.addedToOrg().isBefore(since) ? null : "used";
    }

    /** The latest use of the product the listing tells, null when never (or not told). */
    private static Instant lastUse(AccountFacts a, Workspace w, boolean byKey) {
        Instant last = null;
        for (AccountFacts.Product p : a.products()) {
            Instant at = matches(p, w, byKey) ? p.lastActiveAt() : null;
            if (at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        return last;
    }

    /** {@code byKey}: the product's key names this site too (it is the org's only site of the product). */
    private static boolean has(AccountFacts a, Workspace w, boolean byKey) {
        return a.products().stream().anyMatch(p -> matches(p, w, byKey));
    }

    private static boolean matches(AccountFacts.Product p, Workspace w, boolean byKey) {
        return p.key() != null
                && ((byKey && p.key().equalsIgnoreCase(w.typeKey())) || p.key().equals(w.id()));
    }
}
