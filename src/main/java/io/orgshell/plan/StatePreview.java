package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.plan.OperationHandler.Assessment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Preview of every operation but email: the plan's accounts looked up by ID, or one directory pass when that is
 * cheaper (with groups when the operation is about groups), then each row is checked on its own. A row whose
 * account already is as the file wants is ALREADY DONE.
 */
public final class StatePreview {

    private final AdminApiClient client;
    private final DirectoryClient directory;
    private final PreviewOptions options;
    private final OperationHandler handler;

    public StatePreview(
            AdminApiClient client, DirectoryClient directory, PreviewOptions options, OperationHandler handler) {
        this.client = client;
        this.directory = directory;
        this.options = options;
        this.handler = handler;
    }

    public Preview run(Plan plan, Consumer<Integer> accountsSeen) {
        AccountsByEmail byEmail = AccountsByEmail.resolve(directory, plan);
        List<PlanRow> rows = byEmail.rows();
        Set<String> ids = new HashSet<>();
        rows.stream().filter(r -> !r.isInvalid() && !r.accountId().isEmpty()).forEach(r -> ids.add(r.accountId()));
        OrgSnapshot org = OrgSnapshot.take(
                client,
                directory,
                new OrgSnapshot.Wanted(
                        ids,
                        Set.of(),
                        handler.needsGroups(),
                        false,
                        1,
                        handler.operation().limited()),
                accountsSeen);
        WriteContext ctx = WriteContext.resolve(client, directory);
        List<RowCheck> checks = new ArrayList<>(plan.size());
        List<Step> steps = new ArrayList<>();
        int adminGroupRows = 0;
        for (PlanRow r : rows) {
            AccountState a = org.account(r.accountId());
            String unknownAddress = byEmail.blocked(r);
            RowCheck c =
                    unknownAddress == null ? check(r, a, ctx) : new RowCheck(r, Verdict.BLOCKED, unknownAddress, null);
            String adminGroup = c.verdict() == Verdict.OK ? AdminGroups.why(handler, r, ctx) : null;
            if (adminGroup != null && !options.allowAdmins()) {
                c = RowCheck.protectingAdministration(r, "protected: " + adminGroup, c.current());
            } else if (adminGroup != null && !Boolean.TRUE.equals(a.orgAdmin())) {
                adminGroupRows++; // an admin's row is counted as such already
            }
            checks.add(c.about(a));
            if (c.verdict() == Verdict.OK) {
                for (OperationHandler.Change change : handler.changes(r, a, ctx, handler.assess(r, a, ctx))) {
                    steps.add(new Step(steps.size(), r.index(), r.accountId(), change.from(), change.to(), false, -1));
                }
            }
        }
        int adminAccounts = EmailPreview.adminRows(rows, checks.toArray(RowCheck[]::new), org);
        String addresses = byEmail.describe();
        return new Preview(
                plan,
                client.orgId(),
                List.copyOf(checks),
                steps,
                Instant.now(),
                org.managedAccounts(),
                adminAccounts + adminGroupRows,
                adminAccounts,
                addresses == null ? org.describe() : addresses + "; " + org.describe());
    }

    private RowCheck check(PlanRow r, AccountState a, WriteContext ctx) {
        RowCheck common = RowChecks.common(handler.operation(), r, a, options);
        if (common != null) {
            return common;
        }
        String expectedEmail = r.value(Operation.Columns.EMAIL);
        if (!expectedEmail.isEmpty() && !expectedEmail.equalsIgnoreCase(a.email() == null ? "" : a.email())) {
            return new RowCheck(
                    r,
                    Verdict.BLOCKED,
                    "the account's email is " + a.email() + ", not " + expectedEmail + " as the file says",
                    null);
        }
        Assessment x = handler.assess(r, a, ctx);
        if (x.blocked() != null) {
            return new RowCheck(r, Verdict.BLOCKED, x.blocked(), x.current());
        }
        if (handler.same(x.current(), x.target())) {
            return new RowCheck(r, Verdict.ALREADY_DONE, "already " + describe(x.target()), x.current());
        }
        return new RowCheck(r, Verdict.OK, null, x.current());
    }

    static String describe(String state) {
        if (state.startsWith(TokenRevokeHandler.REVOKED)) {
            return "revoked";
        }
        return state.startsWith("in:")
                ? "in the group"
                : state.startsWith("out:")
                        ? "not in the group"
                        : state.startsWith(AccessHandler.HAS)
                                ? "has access to the product"
                                : state.startsWith(AccessHandler.LACKS)
                                        ? "without access to the product"
                                        : state.equals("{}") ? "as the file says" : state.replace('_', ' ');
    }
}
