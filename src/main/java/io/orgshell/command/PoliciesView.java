package io.orgshell.command;

import io.orgshell.api.AuthPolicy;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import java.util.List;
import java.util.Objects;

/** {@code policies list}: the org's authentication policies. */
record PoliciesView(List<Entry> policies) implements Listing {

    record Entry(String id, String name, String type, String status, boolean isDefault) {}

    static PoliciesView of(List<AuthPolicy> policies) {
        return new PoliciesView(policies.stream()
                .map(p -> new Entry(p.id(), p.name(), p.policyType(), p.status(), p.isDefault()))
                .toList());
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Name", "Status", "Default", "ID"),
                policies.stream()
                        .map(p -> List.of(
                                Objects.toString(p.name(), ""),
                                Objects.toString(p.status(), ""),
                                p.isDefault() ? "yes" : "",
                                Objects.toString(p.id(), "")))
                        .toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        int n = policies.size();
        return List.of(
                n == 0
                        ? "the organization has no authentication policies"
                        : n + (n == 1 ? " authentication policy" : " authentication policies"));
    }
}
