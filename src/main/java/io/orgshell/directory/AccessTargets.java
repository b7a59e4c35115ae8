package io.orgshell.directory;

import io.orgshell.api.AuthPolicy;
import io.orgshell.api.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What product access and policy plans name: a product (a workspace) and an authentication policy, found by what a
 * person types. A product goes by its handle ({@code jira}, {@code jira-service-management}: its name, lower-cased,
 * spaces as hyphens), its name, its type key or its ID; a policy by its name or ID. A value two of them share is
 * refused, never guessed.
 */
public final class AccessTargets {

    private AccessTargets() {}

    /** What completion offers and a plan file may hold for a product: {@code Jira Service Management} is {@code jira-service-management}. */
    public static String handle(Workspace w) {
        String name = w.name() == null || w.name().isBlank() ? w.typeKey() : w.name();
        return name == null ? w.id() : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /**
     * Whether {@code w} is the org's only site of its product: only then does an account's product key (which names
     * the product, not the site) tell whether the account has this site's.
     */
    public static boolean onlySiteOfItsProduct(List<Workspace> workspaces, Workspace w) {
        return w.typeKey() != null
                && workspaces.stream()
                                .filter(x -> w.typeKey().equalsIgnoreCase(x.typeKey()))
                                .count()
                        == 1;
    }

    public static Workspace product(List<Workspace> workspaces, String typed) {
        return find(
                workspaces,
                typed,
                w -> Stream.of(handle(w), w.name(), w.typeKey(), w.id()),
                RefusedValueException.Part.PRODUCT,
                "product");
    }

    public static AuthPolicy policy(List<AuthPolicy> policies, String typed) {
        return find(
                policies,
                typed,
                p -> Stream.of(p.name(), p.id()),
                RefusedValueException.Part.POLICY,
                "authentication policy");
    }

    private static <T> T find(
            List<T> all,
            String typed,
            Function<T, Stream<String>> names,
            RefusedValueException.Part part,
            String what) {
        String want = typed == null ? "" : typed.strip();
        List<T> found = all.stream()
                .filter(x -> names.apply(x).anyMatch(n -> n != null && n.strip().equalsIgnoreCase(want)))
                .toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new RefusedValueException(
                part,
                found.isEmpty()
                        ? "no " + what + " '" + want + "' in the organization"
                        : found.size() + " " + what + "s are named '" + want + "'; name one by its ID");
    }
}
