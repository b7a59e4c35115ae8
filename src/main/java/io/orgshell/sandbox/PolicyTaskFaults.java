package io.orgshell.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the next add-users tasks misbehave, as the fault script queues it ({@code "type": "policy-task"}): a task that
 * stays {@code IN_PROGRESS} for every read ({@code "stuck": true}, until the script is cleared), or one that fails
 * for the addresses named ({@code "failUsers": [...]}). Each entry applies to the next task made.
 */
final class PolicyTaskFaults {

    /** What one task does: stays in progress, and which addresses it fails (lower-cased). */
    record Plan(boolean stuck, Set<String> failing, int clearsBefore) {

        boolean fails(String email) {
            return failing.contains(email.toLowerCase(Locale.ROOT));
        }
    }

    private final Deque<Plan> queued = new ArrayDeque<>();
    private int clears;

    synchronized void add(boolean stuck, Set<String> failUsers) {
        queued.add(new Plan(
                stuck, failUsers.stream().map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()), clears));
    }

    /** The plan of the next task. */
    synchronized Plan next() {
        Plan p = queued.poll();
        return p == null ? new Plan(false, Set.of(), clears) : p;
    }

    synchronized int pending() {
        return queued.size();
    }

    /** Clearing the script also lets stuck tasks finish. */
    synchronized void clear() {
        queued.clear();
        clears++;
    }

    /** Whether the script was cleared since the task of {@code plan} was made: a stuck task then goes on. */
    synchronized boolean clearedSince(Plan plan) {
        return clears > plan.clearsBefore();
    }
}
