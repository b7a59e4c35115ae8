package io.orgshell.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders email changes so that no write collides. A row whose target is another plan account's current address
 * waits for that account to move away (a chain A→B while B→C runs B first). Each account has one target and each
 * address one holder, so the waits form chains and simple cycles; a cycle (A↔B, or A→B→C→A) is broken by first
 * moving one of its accounts to a temporary address in its target's domain, and moving it to its target last.
 */
public final class ChangeOrder {

    /** One change to order: the plan row, the account, and its current and target address. */
    public record Change(int rowIndex, String accountId, String from, String to) {}

    private ChangeOrder() {}

    public static List<Step> order(List<Change> changes) {
        int n = changes.size();
        Map<String, Integer> holder = new HashMap<>();
        for (int i = 0; i < n; i++) {
            holder.put(key(changes.get(i).from()), i);
        }
        int[] dep = new int[n];
        for (int i = 0; i < n; i++) {
            Integer d = holder.get(key(changes.get(i).to()));
            dep[i] = d == null || d == i ? -1 : d;
        }
        List<Step> steps = new ArrayList<>(n + 4);
        boolean[] done = new boolean[n];
        int[] freedAt = new int[n]; // the step at which change i vacated its current address
        for (int start = 0; start < n; start++) {
            if (done[start]) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            Map<Integer, Integer> onPath = new HashMap<>();
            int x = start;
            while (x != -1 && !done[x] && !onPath.containsKey(x)) {
                onPath.put(x, path.size());
                path.add(x);
                x = dep[x];
            }
            if (x != -1 && onPath.containsKey(x)) {
                int k = onPath.get(x);
                int breaker = path.get(k);
                Change c = changes.get(breaker);
                String temporary = temporaryAddress(c.accountId(), c.to());
                freedAt[breaker] = add(steps, c, c.from(), temporary, true, -1);
                for (int i = path.size() - 1; i > k; i--) {
                    int r = path.get(i);
                    freedAt[r] = add(
                            steps,
                            changes.get(r),
                            changes.get(r).from(),
                            changes.get(r).to(),
                            false,
                            freedAt[dep[r]]);
                    done[r] = true;
                }
                add(steps, c, temporary, c.to(), false, freedAt[path.get(k + 1)]);
                done[breaker] = true;
                for (int i = k - 1; i >= 0; i--) {
                    emit(steps, changes, path.get(i), dep, freedAt, done);
                }
                continue;
            }
            for (int i = path.size() - 1; i >= 0; i--) {
                emit(steps, changes, path.get(i), dep, freedAt, done);
            }
        }
        return steps;
    }

    private static void emit(List<Step> steps, List<Change> changes, int r, int[] dep, int[] freedAt, boolean[] done) {
        Change c = changes.get(r);
        freedAt[r] = add(steps, c, c.from(), c.to(), false, dep[r] == -1 ? -1 : freedAt[dep[r]]);
        done[r] = true;
    }

    private static int add(List<Step> steps, Change c, String from, String to, boolean temporary, int after) {
        int number = steps.size();
        steps.add(new Step(number, c.rowIndex(), c.accountId(), from, to, temporary, after));
        return number;
    }

    /** Deterministic, so a resumed run and its preview agree; unlikely to be anyone's real address. */
    public static String temporaryAddress(String accountId, String target) {
        String domain = target.substring(target.lastIndexOf('@') + 1);
        return "orgshell-swap-" + shortHash(accountId) + "@" + domain;
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String key(String email) {
        return email == null ? "" : email.toLowerCase(Locale.ROOT);
    }
}
