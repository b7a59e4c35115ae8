package io.orgshell.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.plan.ChangeOrder.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Swaps, chains and cycles are ordered so that replaying the steps never puts two accounts on one address. */
class ChangeOrderTest {

    @Test
    void aSwapGoesThroughATemporaryAddress() {
        List<Change> changes =
                List.of(new Change(0, "A", "a@x.com", "b@x.com"), new Change(1, "B", "b@x.com", "a@x.com"));
        List<Step> steps = ChangeOrder.order(changes);
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).temporary()).isTrue();
        assertThat(steps.get(0).to()).startsWith("orgshell-swap-").endsWith("@x.com");
        assertThat(replay(changes, steps)).containsEntry("A", "b@x.com").containsEntry("B", "a@x.com");
    }

    @Test
    void aChainRunsTheLastLinkFirstWithoutATemporaryAddress() {
        List<Change> changes = List.of(
                new Change(0, "A", "a@x.com", "b@x.com"),
                new Change(1, "B", "b@x.com", "c@x.com"),
                new Change(2, "C", "c@x.com", "d@x.com"));
        List<Step> steps = ChangeOrder.order(changes);
        assertThat(steps).extracting(Step::accountId).containsExactly("C", "B", "A");
        assertThat(steps).noneMatch(Step::temporary);
        assertThat(steps.get(1).after()).isEqualTo(0);
        assertThat(replay(changes, steps)).containsEntry("A", "b@x.com").containsEntry("C", "d@x.com");
    }

    @Test
    void aThreeCycleBesideAChain() {
        // targets are unique (preview blocks a target named twice), so a chain can never lead into a cycle
        List<Change> changes = List.of(
                new Change(0, "A", "a@x.com", "b@x.com"),
                new Change(1, "B", "b@x.com", "c@x.com"),
                new Change(2, "C", "c@x.com", "a@x.com"),
                new Change(3, "Y", "y@x.com", "z@x.com"),
                new Change(4, "X", "x@x.com", "y@x.com"));
        List<Step> steps = ChangeOrder.order(changes);
        assertThat(steps).hasSize(6).filteredOn(Step::temporary).hasSize(1);
        Map<String, String> end = replay(changes, steps);
        changes.forEach(c -> assertThat(end).containsEntry(c.accountId(), c.to()));
    }

    @Property(tries = 300)
    void anyPermutationOfAddressesReplaysWithoutCollision(
            @ForAll @IntRange(min = 1, max = 30) int n, @ForAll long seed) {
        Random random = new Random(seed);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < n + n / 2; i++) {
            addresses.add("u" + i + "@x.com");
        }
        List<String> targets = new ArrayList<>(addresses);
        Collections.shuffle(targets, random);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!targets.get(i).equals(addresses.get(i))) {
                changes.add(new Change(changes.size(), "acct" + i, addresses.get(i), targets.get(i)));
            }
        }
        // targets that belong to accounts outside the plan are refused by preview; keep only free or in-plan ones
        Set<String> held = new HashSet<>(addresses.subList(0, n));
        changes.removeIf(c -> held.contains(c.to())
                && changes.stream().noneMatch(o -> o.from().equals(c.to())));
        List<Change> indexed = new ArrayList<>();
        for (Change c : changes) {
            indexed.add(new Change(indexed.size(), c.accountId(), c.from(), c.to()));
        }
        List<Step> steps = ChangeOrder.order(indexed);
        Map<String, String> end = replay(indexed, steps);
        indexed.forEach(c -> assertThat(end).containsEntry(c.accountId(), c.to()));
    }

    /** Applies the steps in order to an address book, failing on any collision or broken dependency. */
    static Map<String, String> replay(List<Change> changes, List<Step> steps) {
        Map<String, String> owner = new HashMap<>();
        Map<String, String> email = new HashMap<>();
        for (Change c : changes) {
            owner.put(c.from(), c.accountId());
            email.put(c.accountId(), c.from());
        }
        for (Step s : steps) {
            if (s.after() >= 0) {
                assertThat(s.after()).as("a step waits only for an earlier one").isLessThan(s.number());
            }
            assertThat(email.get(s.accountId())).as("step " + s).isEqualTo(s.from());
            String current = owner.get(s.to());
            assertThat(current).as("collision at step " + s).isNull();
            owner.remove(s.from());
            owner.put(s.to(), s.accountId());
            email.put(s.accountId(), s.to());
        }
        return email;
    }
}
