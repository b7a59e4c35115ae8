package io.orgshell.command;

import io.orgshell.api.DirectoryUser;
import io.orgshell.api.Domain;
import io.orgshell.api.Org;
import io.orgshell.api.UserProfile;
import io.orgshell.core.Strings;
import io.orgshell.directory.UserLookup;
import io.orgshell.plan.Operation;
import io.orgshell.plan.OperationHandlers;
import io.orgshell.plan.Plan;
import io.orgshell.plan.PlanRow;
import io.orgshell.plan.Preview;
import io.orgshell.plan.RowCheck;
import io.orgshell.plan.Step;
import io.orgshell.run.OutcomeCounts;
import io.orgshell.run.RunDirectory;
import io.orgshell.run.RunMeta;
import io.orgshell.run.RunStore;
import io.orgshell.session.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What each read command prints with {@code --json}: one record per document, built from what the command already
 * has. Component names are the documented field names (snake_case on output, see {@code console.JsonOutput}); a
 * field is renamed only with a note in docs/scripts-and-json.md, as scripts depend on them. Values are raw: the JSON writer escapes.
 */
final class JsonViews {

    private JsonViews() {}

    // status

    record Status(
            boolean connected,
            StatusOrg organization,
            String baseUrl,
            String apiKeyFingerprint,
            String profile,
            String yourAccountId,
            String wouldConnectTo,
            LoadedPlan plan) {}

    record StatusOrg(String id, String name, boolean sandbox) {}

    record LoadedPlan(String operation, String source, int rows, boolean previewed, String finishedByRun) {}

    /** The key's fingerprint only: the key itself is never part of a document. */
    static Status status(Optional<Connection> connection, Optional<String> wouldConnectTo, LoadedPlan plan) {
        return connection
                .map(c -> new Status(
                        true,
                        new StatusOrg(c.orgId(), c.orgName(), c.sandbox()),
                        String.valueOf(c.baseUrl()),
                        c.key().fingerprint(),
                        c.profile(),
                        c.callerAccountId(),
                        null,
                        plan))
                .orElseGet(() -> new Status(false, null, null, null, null, null, wouldConnectTo.orElse(null), plan));
    }

    static LoadedPlan plan(Plan plan, boolean previewed, String finishedByRun) {
        return new LoadedPlan(
                plan.operation().cliName(), plan.source().toString(), plan.size(), previewed, finishedByRun);
    }

    // orgs list, domains list

    record Orgs(List<OrgEntry> organizations) {}

    record OrgEntry(String id, String name) {}

    static Orgs orgs(List<Org> orgs) {
        return new Orgs(
                orgs == null
                        ? List.of()
                        : orgs.stream().map(o -> new OrgEntry(o.id(), o.name())).toList());
    }

    record Domains(List<DomainEntry> domains) {}

    record DomainEntry(String id, String name, String status, String verificationType) {}

    static Domains domains(List<Domain> domains) {
        return new Domains(domains.stream()
                .map(d -> new DomainEntry(d.id(), d.name(), d.status(), d.verificationType()))
                .toList());
    }

    // users show, users find

    record User(
            String accountId,
            String name,
            String email,
            String nickname,
            String accountStatus,
            String accountType,
            String orgAccess,
            Boolean idpManaged,
            Boolean orgAdmin,
            String jobTitle,
            String department,
            String organization,
            String location,
            String timeZone) {}

    /** Org access, IdP and admin come from the directory: null when the org's directory does not list the account. */
    static User user(UserProfile.Account a, DirectoryUser du) {
        var x = a.extendedProfile();
        return new User(
                a.accountId(),
                a.name(),
                a.email(),
                a.nickname(),
                a.accountStatus(),
                a.accountType(),
                du == null ? null : du.isSuspended() ? "suspended" : Strings.orElse(du.membershipStatus(), "active"),
                du == null ? null : du.isSynced(),
                du == null ? null : du.isOrgAdmin(),
                x == null ? null : x.jobTitle(),
                x == null ? null : x.department(),
                x == null ? null : x.organization(),
                x == null ? null : x.location(),
                a.zoneinfo());
    }

    record Found(String query, List<FoundAccount> accounts, boolean more, int limit) {}

    record FoundAccount(String accountId, String email, String name, String accountStatus, String orgAccess) {}

    static Found found(String query, UserLookup.Found found, int limit) {
        return new Found(
                query,
                found.matches().stream()
                        .map(m -> new FoundAccount(
                                m.accountId(),
                                m.email(),
                                m.name(),
                                m.status(),
                                m.access() == null || m.access().isEmpty() ? null : m.access()))
                        .toList(),
                found.more(),
                limit);
    }

    // runs list, runs show

    record Runs(List<RunEntry> runs) {}

    record RunEntry(
            String id,
            String operation,
            String orgId,
            String orgName,
            String state,
            Integer rows,
            Map<String, Long> outcomes,
            String created,
            String updated,
            String damage) {}

    static Runs runs(List<RunStore.Entry> entries) {
        return new Runs(entries.stream()
                .map(e -> {
                    RunMeta m = e.meta();
                    return m == null
                            ? new RunEntry(e.id(), null, null, null, "damaged", null, null, null, null, e.damage())
                            : new RunEntry(
                                    m.id(),
                                    m.operation(),
                                    m.orgId(),
                                    m.orgName(),
                                    m.state().label(),
                                    m.rows(),
                                    outcomes(m.counts()),
                                    m.created(),
                                    m.updated(),
                                    null);
                })
                .toList());
    }

    record Run(
            String id,
            String operation,
            String orgId,
            String orgName,
            String source,
            String created,
            String updated,
            String state,
            int rows,
            int writes,
            Map<String, Long> outcomes,
            String directory,
            String resultsFile,
            String undoFile,
            List<String> failures,
            int unconfirmed) {}

    /** {@code unconfirmed}: pending writes answered with success whose accounts did not show the change yet. */
    static Run run(RunMeta m, RunDirectory dir, List<String> failures, int unconfirmed) {
        return new Run(
                m.id(),
                m.operation(),
                m.orgId(),
                m.orgName(),
                m.source(),
                m.created(),
                m.updated(),
                m.state().label(),
                m.rows(),
                m.steps(),
                outcomes(m.counts()),
                dir.path().toString(),
                dir.results().toString(),
                dir.undo().toString(),
                failures,
                unconfirmed);
    }

    /** {@code applied}, {@code already_done}, {@code skipped}, {@code failed}, {@code pending}: zeros included. */
    private static Map<String, Long> outcomes(OutcomeCounts counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.byOutcome().forEach((o, n) -> out.put(o.name().toLowerCase(Locale.ROOT), n));
        out.put(OutcomeCounts.PENDING, counts.pending());
        return out;
    }

    // preview

    record PreviewDoc(
            LoadedPlan plan,
            String lookup,
            Map<String, Long> counts,
            int writes,
            boolean undoable,
            String safetyWarning,
            List<Write> writeOrder,
            List<PreviewRow> rows) {}

    record Write(int step, int line, String accountId, String from, String to, boolean temporary, Integer after) {}

    record PreviewRow(
            int line,
            String accountId,
            String email,
            String name,
            String verdict,
            String reason,
            String current,
            Map<String, String> target) {}

    /** Every row (not only those that will not run) and every write in run order, steps numbered from 1. */
    static PreviewDoc preview(Preview preview, String finishedByRun, String safetyWarning) {
        Plan plan = preview.plan();
        Map<String, Long> counts = new LinkedHashMap<>();
        preview.counts().forEach((v, n) -> counts.put(v.name().toLowerCase(Locale.ROOT), n));
        List<Write> order = new ArrayList<>(preview.steps().size());
        for (Step st : preview.steps()) {
            order.add(new Write(
                    st.number() + 1,
                    plan.rows().get(st.rowIndex()).line(),
                    st.accountId(),
                    st.from(),
                    st.to(),
                    st.temporary(),
                    st.after() < 0 ? null : st.after() + 1));
        }
        List<PreviewRow> rows = new ArrayList<>(preview.checks().size());
        for (RowCheck c : preview.checks()) {
            rows.add(previewRow(plan.operation(), c));
        }
        return new PreviewDoc(
                plan(plan, true, finishedByRun),
                preview.lookup(),
                counts,
                preview.steps().size(),
                OperationHandlers.of(plan.operation()).inverse() != null,
                safetyWarning,
                order,
                rows);
    }

    /**
     * {@code target} is what the row asks for, by canonical column: not the account ID, nor the columns that only
     * state what the account has now ({@code old_email}; the {@code email} of any operation but email). {@code email}
     * is the account's current address as preview found it (the address the file gives when preview found no
     * account); {@code name} is the account's, null when preview found no account.
     */
    private static PreviewRow previewRow(Operation op, RowCheck c) {
        PlanRow r = c.row();
        Map<String, String> target = new LinkedHashMap<>();
        r.values().forEach((column, value) -> {
            boolean asked = !column.equals(Operation.Columns.ACCOUNT_ID)
                    && !column.equals(Operation.Columns.OLD_EMAIL)
                    && (op == Operation.EMAIL || !column.equals(Operation.Columns.EMAIL));
            if (asked && value != null && !value.isEmpty()) {
                target.put(column, value);
            }
        });
        String email = c.account() != null && c.account().email() != null
                ? c.account().email()
                : op == Operation.EMAIL ? c.current() : r.values().get(Operation.Columns.EMAIL);
        String name = c.account() == null ? null : c.account().name();
        return new PreviewRow(
                r.line(),
                r.accountId(),
                email == null || email.isEmpty() ? null : email,
                name,
                c.verdict().name(),
                RowReasons.of(c),
                c.current(),
                target);
    }
}
