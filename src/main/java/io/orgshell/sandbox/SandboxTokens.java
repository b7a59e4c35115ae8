package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API tokens of the org's managed accounts, seeded from their own random stream (the accounts' seeded data stays
 * as it was): about one managed account in six has one to three tokens. Dates count back from the start of today
 * (as product activity does), in whole multiples of three days, so "unused for 90 days" means something against
 * today's clock: about a quarter of the
 * tokens were never used, one in ten is blocked, and each expires a year after it was created. A revoked token is
 * gone. Kept in seed order, so a cursor is a position.
 */
public final class SandboxTokens {

    private static final String[] LABELS = {
        "ci-pipeline", "jira-cli", "backup script", "reporting", "confluence-export", "zapier", "old laptop", "grafana"
    };

    private final SandboxOrg org;
    private final long seed;
    private volatile List<SandboxToken> seeded = List.of();
    private final Map<String, SandboxToken> live = new ConcurrentHashMap<>();

    SandboxTokens(SandboxOrg org, long seed) {
        this.org = org;
        this.seed = seed;
        reset();
    }

    /** Back to the seed. */
    synchronized void reset() {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x70CE45L);
        Instant anchor = SeedGenerator.activityAnchor();
        List<SandboxToken> out = new ArrayList<>();
        List<SandboxUser> users = org.users();
        // the caller (account 0) keeps its tokens out of every clean-up a test plays
        for (int i = 1; i < users.size(); i++) {
            SandboxUser u = users.get(i);
            int roll = rnd.nextInt(6);
            if (!u.managed() || roll != 0) continue;
            int count = 1 + rnd.nextInt(3);
            for (int k = 0; k < count; k++) {
                // whole multiples of three days back: a cut-off of 90 or 180 days, counted from any time of today,
                // never falls inside a token's day, so the same seed selects the same tokens all day long
                int createdDays = 21 + 3 * rnd.nextInt(233);
                Instant created = anchor.minus(Duration.ofDays(createdDays)).minusSeconds(rnd.nextInt(86_400));
                boolean neverUsed = rnd.nextInt(4) == 0;
                Instant lastActive = neverUsed
                        ? null
                        : anchor.minus(Duration.ofDays(3L * rnd.nextInt(createdDays / 3)))
                                .minusSeconds(rnd.nextInt(86_400));
                if (lastActive != null && lastActive.isBefore(created)) lastActive = created;
                String status = rnd.nextInt(10) == 0 ? "BLOCKED" : "ALLOWED";
                out.add(new SandboxToken(
                        uuid(u.accountId() + ":token:" + k),
                        u.accountId(),
                        LABELS[rnd.nextInt(LABELS.length)],
                        status,
                        created,
                        created.plus(Duration.ofDays(365)),
                        lastActive));
            }
        }
        seeded = List.copyOf(out);
        live.clear();
        out.forEach(t -> live.put(t.id(), t));
    }

    /** Every token still there, in seed order. */
    public List<SandboxToken> all() {
        return seeded.stream().filter(t -> live.containsKey(t.id())).toList();
    }

    /** An account's tokens still there, in seed order. */
    public List<SandboxToken> of(String accountId) {
        return all().stream().filter(t -> t.accountId().equals(accountId)).toList();
    }

    public Optional<SandboxToken> find(String tokenId) {
        return Optional.ofNullable(live.get(tokenId));
    }

    /** Revokes the account's token; false when it has no such token. */
    boolean revoke(String accountId, String tokenId) {
        SandboxToken t = live.get(tokenId);
        if (t == null || !t.accountId().equals(accountId)) return false;
        return live.remove(tokenId, t);
    }

    private String uuid(String what) {
        return UUID.nameUUIDFromBytes((seed + ":" + what).getBytes(StandardCharsets.UTF_8))
                .toString()
                .toLowerCase(Locale.ROOT);
    }
}
