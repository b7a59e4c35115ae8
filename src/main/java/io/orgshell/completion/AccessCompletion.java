package io.orgshell.completion;

import io.orgshell.api.AuthPolicy;
import io.orgshell.core.Sanitizer;
import io.orgshell.directory.AccessTargets;
import io.orgshell.plan.Operation;
import io.orgshell.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The arguments of {@code plan access-revoke PRODUCT}, {@code plan access-grant PRODUCT ROLE} and
 * {@code plan policy-add POLICY}: the org's products by handle, the roles by short name, and the policies by name (by
 * ID when the name has a space, which a word cannot hold). Asked of the org at each Tab; an org that cannot answer
 * gives no candidates, not an error at the prompt.
 */
final class AccessCompletion {

    static final List<String> ROLES =
            List.of("user", "admin", "user-access-admin", "guest", "contributor", "customer", "basic", "stakeholder");

    private AccessCompletion() {}

    /** Candidates for the word at {@code position} (1: after the operation) of {@code plan OP}, if it is one of these. */
    static Optional<List<String>> candidates(Session session, String op, int position, String word) {
        Operation operation = Operation.named(op).orElse(null);
        if (operation == null) {
            return Optional.empty();
        }
        Stream<String> values;
        if (position == 1 && (operation == Operation.ACCESS_REVOKE || operation == Operation.ACCESS_GRANT)) {
            values = fetch(() -> session.current()
                    .map(c -> c.client().workspaces().workspaces().stream()
                            .map(AccessTargets::handle)
                            .toList())
                    .orElse(List.of()));
        } else if (position == 2 && operation == Operation.ACCESS_GRANT) {
            values = ROLES.stream();
        } else if (position == 1 && operation == Operation.POLICY_ADD) {
            values = fetch(() -> session.current()
                    .map(c -> c.client().policies().policies().stream()
                            .map(AccessCompletion::word)
                            .toList())
                    .orElse(List.of()));
        } else {
            return Optional.empty();
        }
        return Optional.of(values.filter(v -> v != null
                        && v.startsWith(word)
                        && Sanitizer.forTerminal(v).equals(v))
                .distinct()
                .toList());
    }

    private static String word(AuthPolicy p) {
        return p.name() == null || p.name().isBlank() || p.name().chars().anyMatch(Character::isWhitespace)
                ? p.id()
                : p.name();
    }

    private static Stream<String> fetch(Supplier<List<String>> read) {
        try {
            return read.get().stream();
        } catch (RuntimeException e) {
            return Stream.empty();
        }
    }
}
