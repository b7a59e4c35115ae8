package io.orgshell.plan;

import io.orgshell.api.ApiException;
import io.orgshell.api.UserToken;
import io.orgshell.plan.Operation.Columns;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Revoking an API token: the state is {@code present:<token ID>} or {@code revoked:<token ID>}, read from the
 * account's own token list (user management API) since the directory does not tell tokens. The lists are read per
 * account when preview first asks about it and again with each batch's re-read; a revoked token is gone for good,
 * so nothing undoes this.
 */
final class TokenRevokeHandler implements OperationHandler {

    static final String PRESENT = "present:";
    static final String REVOKED = "revoked:";

    /** The token IDs each account read holds now; an account not read yet is absent. */
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();

    @Override
    public Operation operation() {
        return Operation.TOKEN_REVOKE;
    }

    @Override
    public void readAlongside(Collection<String> accountIds, WriteContext ctx) {
        accountIds.forEach(id -> read(id, ctx));
    }

    private Set<String> read(String accountId, WriteContext ctx) {
        Set<String> ids;
        try {
            ids = ctx.client().tokens().tokensOf(accountId).stream()
                    .map(UserToken::id)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            ids = Set.of(); // the account is gone, and its tokens with it
        }
        tokens.put(accountId, ids);
        return ids;
    }

    @Override
    public Assessment assess(PlanRow row, AccountState a, WriteContext ctx) {
        String token = row.value(Columns.TOKEN_ID).strip();
        Set<String> held = tokens.get(a.accountId());
        if (held == null) {
            held = read(a.accountId(), ctx);
        }
        return new Assessment((held.contains(token) ? PRESENT : REVOKED) + token, REVOKED + token, null);
    }

    @Override
    public String state(AccountState a, Step s) {
        Set<String> held = tokens.get(s.accountId());
        String token = tokenOf(s);
        return held == null ? s.from() : (held.contains(token) ? PRESENT : REVOKED) + token;
    }

    @Override
    public AccountState applied(AccountState a, Step s) {
        tokens.computeIfPresent(
                s.accountId(),
                (id, held) -> held.stream().filter(t -> !t.equals(tokenOf(s))).collect(Collectors.toUnmodifiableSet()));
        return a;
    }

    /** The token lists tell, whatever the directory's answer held. */
    @Override
    public Shows shows(AccountState a, Step s) {
        return tokens.containsKey(s.accountId()) ? Shows.change(same(state(a, s), s.to())) : Shows.CANNOT_TELL;
    }

    /**
     * A 404 for the token (not the account) after the batch's re-read saw it: it went meanwhile, most likely by an
     * earlier attempt of this write whose answer was lost. The status is handed on as the API gave it, and the
     * read-back decides.
     */
    @Override
    public Integer write(Step s, PlanRow row, WriteContext ctx) {
        try {
            return ctx.client().tokens().revoke(s.accountId(), tokenOf(s));
        } catch (ApiException e) {
            if (e.status() == 404 && !read(s.accountId(), ctx).contains(tokenOf(s))) {
                return 404;
            }
            throw e;
        }
    }

    private static String tokenOf(Step s) {
        return s.to().substring(s.to().indexOf(':') + 1);
    }

    @Override
    public Operation inverse() {
        return null;
    }

    @Override
    public List<String> undoHeader() {
        return List.of(Columns.ACCOUNT_ID, Columns.TOKEN_ID);
    }

    @Override
    public List<String> undoRow(PlanRow row, String from, String to) {
        return List.of(row.accountId(), row.value(Columns.TOKEN_ID));
    }

    @Override
    public String whyNoUndo() {
        return "a revoked API token is gone for good; its owner must create a new one";
    }

    @Override
    public String cannotGiveBack(List<PlanRow> rows) {
        if (rows.isEmpty()) {
            return "it revoked no token";
        }
        return "the " + (rows.size() == 1 ? "API token" : rows.size() + " API tokens")
                + " it revoked cannot be given back (their owners must create new ones): "
                + rows.stream().map(TokenRevokeHandler::name).collect(Collectors.joining(", "));
    }

    /** {@code 'ci-pipeline' of ada@acme.example (token 0b1c...)}, from what the row says. */
    private static String name(PlanRow r) {
        String label = r.value(Columns.LABEL);
        String owner = r.value(Columns.EMAIL).isEmpty() ? r.accountId() : r.value(Columns.EMAIL);
        return (label.isEmpty() ? "token" : "'" + label + "'") + " of " + owner + " (" + r.value(Columns.TOKEN_ID)
                + ")";
    }
}
