package io.orgshell.plan;

import io.orgshell.api.AdminApiClient;
import io.orgshell.api.DirectoryClient;
import io.orgshell.api.Manageability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Preview of an email plan: the plan's accounts and the holders of its target addresses (looked up, or seen in one
 * directory pass, whichever is cheaper) and the domain list answer every row; only {@code --server-check} (or an org
 * without the v2 directory API) asks each account's permissions. Then the OK rows are ordered.
 */
public final class EmailPreview {

    static final String EMAIL_SET = "email.set";

    private final AdminApiClient client;
    private final DirectoryClient directory;
    private final PreviewOptions options;

    public EmailPreview(AdminApiClient client, DirectoryClient directory, PreviewOptions options) {
        this.client = client;
        this.directory = directory;
        this.options = options;
    }

    public Preview run(Plan plan, Consumer<Integer> accountsSeen) {
        List<PlanRow> rows = plan.rows();
        Set<String> ids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (PlanRow r : rows) {
            if (!r.isInvalid()) {
                ids.add(r.accountId());
                String target = r.value(Operation.Columns.EMAIL);
                addresses.add(lower(target));
                if (target.contains("@")) {
                    addresses.add(lower(ChangeOrder.temporaryAddress(r.accountId(), target)));
                }
            }
        }
        OrgSnapshot org = OrgSnapshot.take(
                client, directory, new OrgSnapshot.Wanted(ids, addresses, false, true, 2, false), accountsSeen);
        RowCheck[] checks = new RowCheck[rows.size()];
        Map<String, Integer> movingAway = new HashMap<>(); // current address of an OK row → its index
        for (PlanRow r : rows) {
            checks[r.index()] = checkAlone(r, org);
            if (checks[r.index()].verdict() == Verdict.OK) {
                movingAway.put(lower(checks[r.index()].current()), r.index());
            }
        }
        org.lookUpHolders(addressesToAsk(rows, checks, org));
        blockTakenTargets(rows, checks, org, movingAway);
        if (options.serverCheck()) {
            serverCheck(rows, checks);
            blockTakenTargets(rows, checks, org, okAddresses(rows, checks));
        }
        List<ChangeOrder.Change> changes = new ArrayList<>();
        for (PlanRow r : rows) {
            if (checks[r.index()].verdict() == Verdict.OK) {
                changes.add(new ChangeOrder.Change(
                        r.index(), r.accountId(), checks[r.index()].current(), r.value(Operation.Columns.EMAIL)));
            }
        }
        List<Step> steps = ChangeOrder.order(changes);
        for (Step s : steps) {
            if (s.temporary() && org.holderOf(s.to()) != null) {
                throw new SwapBlockedException(s.accountId(), s.to(), org.holderOf(s.to()));
            }
        }
        List<RowCheck> named = Arrays.stream(checks)
                .map(c -> c.about(org.account(c.row().accountId())))
                .toList();
        return new Preview(
                plan,
                client.orgId(),
                named,
                steps,
                Instant.now(),
                org.managedAccounts(),
                adminRows(rows, checks, org),
                adminRows(rows, checks, org),
                org.describe());
    }

    /**
     * The addresses whose holders only a lookup can tell: each OK row's target that no account of the plan holds and,
     * for a target another account of the plan holds (a chain or a cycle), the temporary address a cycle would go
     * through. At most one address per row, so the lookups cost no more searches than the accounts did.
     */
    static List<String> addressesToAsk(List<PlanRow> rows, RowCheck[] checks, OrgSnapshot org) {
        List<String> ask = new ArrayList<>();
        for (PlanRow r : rows) {
            if (checks[r.index()].verdict() != Verdict.OK) {
                continue;
            }
            String target = r.value(Operation.Columns.EMAIL);
            String holder = org.holderOf(target);
            if (holder == null) {
                ask.add(target);
            } else if (!holder.equals(r.accountId())) {
                ask.add(ChangeOrder.temporaryAddress(r.accountId(), target));
            }
        }
        return ask;
    }

    /** Everything a row can be told from its own account and the domain list. */
    RowCheck checkAlone(PlanRow r, OrgSnapshot org) {
        AccountState a = org.account(r.accountId());
        RowCheck common = RowChecks.common(Operation.EMAIL, r, a, options);
        if (common != null) {
            return common;
        }
        String current = a.email();
        String target = r.value(Operation.Columns.EMAIL);
        String old = r.value(Operation.Columns.OLD_EMAIL);
        if (target.equalsIgnoreCase(current == null ? "" : current)) {
            return new RowCheck(r, Verdict.ALREADY_DONE, "current email is already " + current, current);
        }
        if (!old.isEmpty() && !old.equalsIgnoreCase(current == null ? "" : current)) {
            return new RowCheck(
                    r,
                    Verdict.BLOCKED,
                    "current email is " + current + ", not " + old
                            + " as the file says (changed since the file was made?)",
                    current);
        }
        String domain = target.substring(target.lastIndexOf('@') + 1);
        if (!org.isVerifiedDomain(domain)) {
            return new RowCheck(
                    r,
                    Verdict.BLOCKED,
                    "target domain " + domain + " is not a verified domain of the " + "organization",
                    current);
        }
        if (Boolean.TRUE.equals(a.synced())) {
            return new RowCheck(
                    r,
                    Verdict.BLOCKED,
                    "account is managed by an identity provider (SCIM); change its " + "email there",
                    current);
        }
        return new RowCheck(r, Verdict.OK, null, current);
    }

    /**
     * A target held by another account is only free if that account is in the plan and moving away; when that
     * account's own row is blocked, this row is blocked too, and so on down the chain.
     */
    static void blockTakenTargets(
            List<PlanRow> rows, RowCheck[] checks, OrgSnapshot org, Map<String, Integer> movingAway) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PlanRow r : rows) {
                RowCheck c = checks[r.index()];
                if (c.verdict() != Verdict.OK) {
                    continue;
                }
                String target = r.value(Operation.Columns.EMAIL);
                String holder = org.holderOf(target);
                if (holder == null || holder.equals(r.accountId())) {
                    continue;
                }
                Integer mover = movingAway.get(lower(target));
                String reason = null;
                if (mover == null) {
                    reason = "target email " + target + " belongs to account " + holder + ", which is not in this file";
                } else if (checks[mover].verdict() != Verdict.OK) {
                    reason = "target email " + target + " belongs to account " + holder + ", whose own row (line "
                            + rows.get(mover).line() + ") cannot run";
                }
                if (reason != null) {
                    checks[r.index()] = new RowCheck(r, Verdict.BLOCKED, reason, c.current());
                    movingAway.values().remove(r.index());
                    changed = true;
                }
            }
        }
    }

    private static Map<String, Integer> okAddresses(List<PlanRow> rows, RowCheck[] checks) {
        Map<String, Integer> out = new HashMap<>();
        for (PlanRow r : rows) {
            if (checks[r.index()].verdict() == Verdict.OK) {
                out.put(lower(checks[r.index()].current()), r.index());
            }
        }
        return out;
    }

    /** {@code GET /users/{id}/manage?privileges=email.set} for each OK row's account. */
    private void serverCheck(List<PlanRow> rows, RowCheck[] checks) {
        List<PlanRow> ok = rows.stream()
                .filter(r -> checks[r.index()].verdict() == Verdict.OK)
                .toList();
        Map<String, Manageability.Rule> rules =
                client.users().rules(ok.stream().map(PlanRow::accountId).toList(), EMAIL_SET);
        for (PlanRow r : ok) {
            Manageability.Rule rule = rules.get(r.accountId());
            if (!rule.allowed()) {
                checks[r.index()] = new RowCheck(
                        r,
                        Verdict.BLOCKED,
                        "the server does not allow changing this email (" + rule.reason() + ")",
                        checks[r.index()].current());
            }
        }
    }

    /** OK rows on org admins, or on accounts the org did not say are not (OK only with --allow-admins). */
    static int adminRows(List<PlanRow> rows, RowCheck[] checks, OrgSnapshot org) {
        int n = 0;
        for (PlanRow r : rows) {
            AccountState a = org.account(r.accountId());
            if (checks[r.index()].verdict() == Verdict.OK && a != null && !Boolean.FALSE.equals(a.orgAdmin())) {
                n++;
            }
        }
        return n;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
