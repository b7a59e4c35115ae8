package io.orgshell.plan;

import io.orgshell.api.ApiException;
import io.orgshell.api.UserToken;
import io.orgshell.plan.Operation.Columns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offboarding and its inverse, reinstating: several changes to each account, each a step of the row. A row's state
 * is one line per part of the account it changes: {@code access:<state>} (suspend, restore) or {@code status:<state>}
 * (deactivate, enable), {@code present:<token ID> <label>} or {@code revoked:...} per API token, {@code in:<group
 * ID> <name>} or {@code out:...} per group. A step's {@code from} and {@code to} are one such line without the words
 * after the first space, so each step is the state of the operation that does it alone (suspend, token-revoke,
 * group-remove...), and that operation's handler reads, writes and checks it.
 */
final class OffboardHandler implements OperationHandler {

    static final String ACCESS = "access:";
    static final String STATUS = "status:";
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x");

    private final Operation operation;
    private final boolean offboarding;
    private final OperationHandler access;
    private final OperationHandler status;
    private final TokenRevokeHandler tokens = new TokenRevokeHandler();
    private final OperationHandler groups;
    private final Map<String, List<UserToken>> listed = new ConcurrentHashMap<>();

    OffboardHandler(Operation operation) {
        this.operation = operation;
        this.offboarding = operation == Operation.OFFBOARD;
        this.access = OperationHandlers.of(offboarding ? Operation.SUSPEND : Operation.RESTORE);
        this.status = OperationHandlers.of(offboarding ? Operation.DEACTIVATE : Operation.ENABLE);
        this.groups = OperationHandlers.of(offboarding ? Operation.GROUP_REMOVE : Operation.GROUP_ADD);
    }

    @Override
    public Operation operation() {
        return operation;
    }

    static boolean yes(String value) {
        return value != null && YES.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean needsGroups() {
        return true;
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        List<String> now = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        String why = offboarding ? offboardParts(row, a, ctx, now, wanted) : reinstateParts(row, a, ctx, now, wanted);
        String current = String.join("\n", now);
        return why != null
                ? Assessment.blocked(current, why)
                : new Assessment(current, String.join("\n", wanted), null);
    }

    private String offboardParts(PlanRow row, AccountState a, WriteContext ctx, List<String> now, List<String> wanted) {
        String why = lifecycle(row, a, ctx, yes(row.value(Columns.DEACTIVATE)), now, wanted);
        if (why != null) {
            return why;
        }
        for (UserToken t : tokensOf(a.accountId(), ctx)) {
            String label = t.label() == null ? "" : " " + oneLine(t.label());
            now.add(TokenRevokeHandler.PRESENT + t.id() + label);
            wanted.add(TokenRevokeHandler.REVOKED + t.id() + label);
        }
        if (!yes(row.value(Columns.KEEP_GROUPS))) {
            if (a.groupIds() == null) {
                return "the directory did not list the account's groups";
            }
            ctx.groupNames(new TreeSet<>(a.groupIds())).forEach((id, name) -> {
                now.add("in:" + id + " " + oneLine(name));
                wanted.add("out:" + id + " " + oneLine(name));
            });
        }
        return null;
    }

    private String reinstateParts(
            PlanRow row, AccountState a, WriteContext ctx, List<String> now, List<String> wanted) {
        String give = row.value(Columns.ACCESS).strip().toLowerCase(Locale.ROOT);
        if (!give.isEmpty() && !give.equals("restore") && !give.equals("enable")) {
            return "access is '" + give + "': restore, enable or empty";
        }
        String why = give.isEmpty() ? null : lifecycle(row, a, ctx, give.equals("enable"), now, wanted);
        if (why != null) {
            return why;
        }
        for (String named : row.value(Columns.GROUPS).split(";")) {
            if (named.isBlank()) {
                continue;
            }
            String id = ctx.groupId(named);
            if (id == null) {
                String problem = ctx.groupProblem(named);
                return problem != null ? problem : "no group '" + named.strip() + "' in the organization";
            }
            String name = " " + oneLine(ctx.groupNames(List.of(id)).get(id));
            boolean in = a.groupIds() != null && a.groupIds().contains(id);
            now.add((in ? "in:" : "out:") + id + name);
            wanted.add("in:" + id + name);
        }
        return null;
    }

    /** The access part: org access (suspend, restore) or the account's status (deactivate, enable). */
    private String lifecycle(
            PlanRow row, AccountState a, WriteContext ctx, boolean byStatus, List<String> now, List<String> wanted) {
        Assessment x = (byStatus ? status : access).assess(row, a, ctx);
        if (x.blocked() != null) {
            return x.blocked();
        }
        String prefix = byStatus ? STATUS : ACCESS;
        now.add(prefix + x.current());
        wanted.add(prefix + x.target());
        return null;
    }

    /** Read once per account: preview assesses a row more than once. */
    private List<UserToken> tokensOf(String accountId, WriteContext ctx) {
        return listed.computeIfAbsent(accountId, id -> readTokens(id, ctx));
    }

    private static List<UserToken> readTokens(String accountId, WriteContext ctx) {
        try {
            return ctx.client().tokens().tokensOf(accountId);
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            return List.of(); // the account has no token list: nothing to revoke
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** A part's line without its words: the state its step goes from or to. */
    static String key(String part) {
        int space = part.indexOf(' ');
        return space < 0 ? part : part.substring(0, space);
    }

    /** What a part is about, whatever its state: the access, the status, one token, one group. */
    private static String about(String key) {
        if (key.startsWith(ACCESS) || key.startsWith(STATUS)) {
            return key.substring(0, key.indexOf(':'));
        }
        return key.substring(key.indexOf(':') + 1);
    }

    static List<String> parts(String state) {
        return state == null || state.isEmpty() ? List.of() : List.of(state.split("\n"));
    }

    @Override
    public List<Change> changes(PlanRow row, AccountState a, WriteContext ctx, Assessment x) {
        List<String> from = parts(x.current());
        List<String> to = parts(x.target());
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            if (!from.get(i).equals(to.get(i))) {
                changes.add(new Change(key(from.get(i)), key(to.get(i))));
            }
        }
        return changes;
    }

    @Override
    public String landed(String now, Step step) {
        List<String> result = new ArrayList<>();
        for (String part : parts(now)) {
            String k = key(part);
            result.add(about(k).equals(about(step.to())) ? step.to() + part.substring(k.length()) : part);
        }
        return String.join("\n", result);
    }

    /** The handler of the operation that does this step alone, and the step as that operation states it. */
    private record Delegate(OperationHandler handler, Step step) {}

    private Delegate delegate(Step s) {
        if (s.to().startsWith(ACCESS) || s.to().startsWith(STATUS)) {
            boolean byStatus = s.to().startsWith(STATUS);
            int cut = (byStatus ? STATUS : ACCESS).length();
            Step own = new Step(
                    s.number(),
                    s.rowIndex(),
                    s.accountId(),
                    s.from().substring(Math.min(cut, s.from().length())),
                    s.to().substring(cut),
                    false,
                    -1);
            return new Delegate(byStatus ? status : access, own);
        }
        return new Delegate(s.to().startsWith(TokenRevokeHandler.REVOKED) ? tokens : groups, s);
    }

    private static String prefixOf(Step s) {
        return s.to().startsWith(STATUS) ? STATUS : s.to().startsWith(ACCESS) ? ACCESS : "";
    }

    @Override
    public String stepName(Step s, String rowState) {
        String words = "";
        for (String part : parts(rowState)) {
            if (key(part).equals(s.from())) {
                words = part.substring(key(part).length()).strip();
            }
        }
        String what = about(s.to());
        if (s.to().startsWith(ACCESS)) {
            return offboarding ? "suspend" : "restore";
        }
        if (s.to().startsWith(STATUS)) {
            return offboarding ? "deactivate" : "enable";
        }
        if (s.to().startsWith(TokenRevokeHandler.REVOKED)) {
            return "revoke API token " + (words.isEmpty() ? what : "'" + words + "' (" + what + ")");
        }
        return (offboarding ? "leave group " : "join group ") + (words.isEmpty() ? what : words);
    }

    @Override
    public String state(AccountState a, Step s) {
        Delegate d = delegate(s);
        String state = d.handler().state(a, d.step());
        return state == null ? null : prefixOf(s) + state;
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        Delegate d = delegate(s);
        return d.handler().applied(a, d.step());
    }

    @Override
    public Shows shows(AccountState a, Step s) {
        Delegate d = delegate(s);
        return d.handler().shows(a, d.step());
    }

    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        Delegate d = delegate(s);
        return d.handler().write(d.step(), row, ctx);
    }

    @Override
    public void readAlongside(Collection<String> accountIds, WriteContext ctx) {
        if (offboarding) {
            tokens.readAlongside(accountIds, ctx);
        }
    }

    @Override
    public Operation inverse() {
        return offboarding ? Operation.REINSTATE : Operation.OFFBOARD;
    }

    @Override
    public List<String> undoHeader() {
        return offboarding
                ? List.of(Columns.ACCOUNT_ID, Columns.ACCESS, Columns.GROUPS)
                : List.of(Columns.ACCOUNT_ID, Columns.DEACTIVATE, Columns.KEEP_GROUPS);
    }

    /** Access given back as it was taken (restore a suspension, enable a deactivation), and the groups left. */
    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        List<String> before = parts(from);
        List<String> after = parts(to);
        String give = "";
        List<String> left = new ArrayList<>();
        for (int i = 0; i < before.size() && i < after.size(); i++) {
            String was = key(before.get(i));
            String is = key(after.get(i));
            if (was.equals(is)) {
                continue;
            }
            if (is.startsWith(ACCESS)) {
                give = offboarding ? "restore" : give;
            } else if (is.startsWith(STATUS)) {
                give = offboarding ? "enable" : give;
            } else if (is.startsWith("out:") || is.startsWith("in:")) {
                left.add(about(is));
            }
        }
        if (offboarding) {
            return List.of(row.accountId(), give, String.join(";", left));
        }
        // reinstating undone: the account offboarded again as it was, its tokens untouched (it had none revoked)
        boolean deactivate = before.stream().anyMatch(p -> p.startsWith(STATUS));
        return List.of(row.accountId(), deactivate ? "yes" : "", left.isEmpty() ? "yes" : "");
    }

    /** The tokens the run revoked, named as a token clean-up names them. */
    @Override
    public String cannotGiveBack(Preview preview, Set<Integer> landed) {
        if (!offboarding) {
            return null;
        }
        List<PlanRow> revoked = new ArrayList<>();
        for (Step s : preview.steps()) {
            if (!landed.contains(s.number()) || !s.to().startsWith(TokenRevokeHandler.REVOKED)) {
                continue;
            }
            RowCheck c = preview.check(s.rowIndex());
            String label = "";
            for (String part : parts(c.current())) {
                if (key(part).equals(s.from())) {
                    label = part.substring(key(part).length()).strip();
                }
            }
            String email = c.row().value(Columns.EMAIL);
            if (email.isEmpty() && c.account() != null && c.account().email() != null) {
                email = c.account().email();
            }
            revoked.add(new PlanRow(
                    c.row().index(),
                    c.row().line(),
                    c.row().accountId(),
                    Map.of(
                            Columns.TOKEN_ID, s.to().substring(TokenRevokeHandler.REVOKED.length()),
                            Columns.LABEL, label,
                            Columns.EMAIL, email),
                    List.of(),
                    null,
                    null));
        }
        return revoked.isEmpty() ? null : tokens.cannotGiveBack(revoked);
    }

    /**
     * A row in words: with {@code toRun}, the steps it takes ("suspend; revoke 2 API tokens; leave groups jira-users,
     * confluence-users"), else the account as it is ("access: active; 2 API tokens; groups: jira-users").
     */
    static String describe(Operation op, String state, boolean toRun) {
        boolean offboarding = op == Operation.OFFBOARD;
        List<String> said = new ArrayList<>();
        int tokens = 0;
        List<String> groups = new ArrayList<>();
        for (String part : parts(state)) {
            String k = key(part);
            String words = part.substring(k.length()).strip();
            String value = k.substring(k.indexOf(':') + 1);
            if (k.startsWith(ACCESS) || k.startsWith(STATUS)) {
                boolean byStatus = k.startsWith(STATUS);
                String target = offboarding ? (byStatus ? StateHandlers.INACTIVE : StateHandlers.SUSPENDED) : "active";
                if (!toRun) {
                    said.add((byStatus ? "status: " : "access: ") + value);
                } else if (!value.equals(target)) {
                    said.add(offboarding ? (byStatus ? "deactivate" : "suspend") : (byStatus ? "enable" : "restore"));
                }
            } else if (k.startsWith(TokenRevokeHandler.PRESENT)) {
                tokens++;
            } else if (k.startsWith(offboarding || !toRun ? "in:" : "out:")) {
                groups.add(words.isEmpty() ? value : words);
            }
        }
        if (tokens > 0) {
            String count = tokens == 1 ? "1 API token" : tokens + " API tokens";
            said.add(toRun ? "revoke " + count : count);
        }
        if (!groups.isEmpty()) {
            String verb = !toRun ? "groups:" : offboarding ? "leave" : "join";
            said.add(verb
                    + (groups.size() == 1 && toRun ? " group " : toRun ? " groups " : " ")
                    + String.join(", ", groups));
        }
        return String.join("; ", said);
    }
}
