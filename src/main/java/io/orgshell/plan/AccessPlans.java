package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.AuthPolicy;
import io.orgshell.api.Workspace;
import io.orgshell.core.UserFacingException;
import io.orgshell.directory.AccessTargets;
import io.orgshell.directory.AccountFacts;
import io.orgshell.directory.SelectionService;
import io.orgshell.plan.Operation.Columns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code plan access-revoke|access-grant|policy-add}: the product (by the handle {@code products list}
 * shows) or the policy (by name) on every row. A revoke leaves out the selected accounts the directory shows without
 * the product, so that {@code --inactive-since} reaches only those it can take something from.
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
            header = granting
                    ? List.of(Columns.ACCOUNT_ID, Columns.PRODUCT, Columns.ROLE, Columns.EMAIL)
                    : List.of(Columns.ACCOUNT_ID, Columns.PRODUCT, Columns.EMAIL);
            for (AccountFacts a : selected.accounts()) {
                if (!granting && told(a) && !has(a, product, byKey)) {
                    leftOut.merge("without " + handle, 1, Integer::sum);
                    continue;
                }
                String email = a.email() == null ? "" : a.email();
                rows.add(
                        granting
                                ? List.of(a.accountId(), handle, req.role(), email)
                                : List.of(a.accountId(), handle, email));
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

    /** {@code byKey}: the product's key names this site too (it is the org's only site of the product). */
    private static boolean has(AccountFacts a, Workspace w, boolean byKey) {
        return a.products().stream()
                .anyMatch(p -> p.key() != null
                        && ((byKey && p.key().equalsIgnoreCase(w.typeKey()))
                                || p.key().equals(w.id())));
    }
}
