package io.orgshell.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the sandbox holds beside its accounts for product roles and authentication policies: the role each account
 * holds on a product it has (when not {@code atlassian/user}), the authentication policy of each managed account
 * (when not the default one), and the policies' add-users tasks. Seeded from the org's seed; {@link #reset} goes
 * back to it.
 */
final class AccessState {

    static final String USER_ROLE = "atlassian/user";

    /** A seeded authentication policy. */
    record Policy(String id, String name, boolean isDefault) {}

    private final List<Policy> policies;
    private final Map<String, Map<String, String>> roles = new ConcurrentHashMap<>();
    private final Map<String, String> policyOf = new ConcurrentHashMap<>();
    private final Map<String, PolicyTask> tasks = new ConcurrentHashMap<>();
    private int taskCount;

    AccessState(long seed) {
        this.policies = List.of(
                policy(seed, "Default authentication policy", true),
                policy(seed, "Contractors", false),
                policy(seed, "Strict sign-in for admins", false));
    }

    private static Policy policy(long seed, String name, boolean isDefault) {
        return new Policy(
                UUID.nameUUIDFromBytes(("auth-policy:" + seed + ":" + name).getBytes(StandardCharsets.UTF_8))
                        .toString(),
                name,
                isDefault);
    }

    synchronized void reset() {
        roles.clear();
        policyOf.clear();
        tasks.clear();
        taskCount = 0;
    }

    List<Policy> policies() {
        return policies;
    }

    Optional<Policy> policy(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The role the account holds on each product it has, by product key. */
    Map<String, String> rolesOf(SandboxUser u) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> held = roles.getOrDefault(u.accountId(), Map.of());
        for (ProductAccess p : u.productAccess()) out.put(p.key(), held.getOrDefault(p.key(), USER_ROLE));
        return out;
    }

    void setRole(String accountId, String productKey, String role) {
        roles.computeIfAbsent(accountId, k -> new ConcurrentHashMap<>()).put(productKey, role);
    }

    void clearRole(String accountId, String productKey) {
        Map<String, String> held = roles.get(accountId);
        if (held != null) held.remove(productKey);
    }

    /** A managed account's policy (the default one until it is added to another); none for any other account. */
    Optional<Policy> policyOf(SandboxUser u) {
        if (!u.managed()) return Optional.empty();
        String id = policyOf.get(u.accountId());
        return id == null ? policies.stream().filter(Policy::isDefault).findFirst() : policy(id);
    }

    void movePolicy(String accountId, String policyId) {
        policyOf.put(accountId, policyId);
    }

    synchronized PolicyTask newTask(String policyId, List<String> users, PolicyTaskFaults.Plan plan) {
        String id = String.format("task-%06d", ++taskCount);
        PolicyTask t = new PolicyTask(id, policyId, users, plan);
        tasks.put(id, t);
        return t;
    }

    Optional<PolicyTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }
}
