package io.orgshell.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Reads that lag behind writes, as Atlassian documents for role assignments (eventually consistent, up to 30 s):
 * once armed, a write answered with success leaves the reads of its account showing the account as it was before,
 * for the armed number of seconds after the write. Only the v2 user renderings (search, list, get) lag; the org
 * itself, and so a test reading {@link SandboxOrg}, sees the truth at once.
 */
final class StaleReads {

    /** The account and its groups as a read showed them before the write, shown until {@code until}. */
    private record Before(SandboxUser user, List<SandboxGroup> groups, long until) {}

    private volatile Duration lag = Duration.ZERO;
    private final Map<String, Before> before = new ConcurrentHashMap<>();

    void arm(Duration lag) {
        this.lag = lag;
    }

    void clear() {
        lag = Duration.ZERO;
        before.clear();
    }

    /**
     * Runs the request; when reads lag and it is a successful write to one account, reads of that account keep
     * showing the account as it was before it.
     */
    ApiResponse around(ApiRequest req, SandboxOrg org, Supplier<ApiResponse> handler) {
        Duration d = lag;
        String accountId = d.isZero() || !isWrite(req) ? null : accountOf(req);
        SandboxUser user = accountId == null ? null : org.findById(accountId).orElse(null);
        if (user == null) {
            return handler.get();
        }
        Before shown = current(accountId);
        Before old = shown != null ? shown : new Before(user, org.groupsOf(accountId), 0);
        ApiResponse r = handler.get();
        if (r.status() / 100 == 2) {
            before.put(accountId, new Before(old.user(), old.groups(), System.nanoTime() + d.toNanos()));
        }
        return r;
    }

    /** The account as a read shows it now. */
    SandboxUser user(SandboxUser live) {
        Before b = current(live.accountId());
        return b == null ? live : b.user();
    }

    /** The account's groups as a read shows them now. */
    List<SandboxGroup> groupsOf(SandboxOrg org, String accountId) {
        Before b = current(accountId);
        return b == null ? org.groupsOf(accountId) : b.groups();
    }

    private Before current(String accountId) {
        Before b = before.get(accountId);
        if (b != null && System.nanoTime() - b.until() >= 0) {
            before.remove(accountId, b);
            return null;
        }
        return b;
    }

    private static boolean isWrite(ApiRequest req) {
        return !req.method().equals("GET") && !req.template().endsWith("/search");
    }

    /** The account a write is about: in its path, or in the body of a membership add. */
    private static String accountOf(ApiRequest req) {
        String id = req.param("accountId");
        if (id != null) {
            return id;
        }
        JsonNode body = req.hasBody() ? req.json() : null;
        JsonNode n = body == null ? null : body.get("accountId");
        return n != null && n.isString() ? n.asString() : null;
    }
}
