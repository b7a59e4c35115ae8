package io.orgshell.command;

import io.orgshell.api.Workspace;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import io.orgshell.directory.AccessTargets;
import java.util.List;
import java.util.Objects;

/** {@code products list}: the org's sites and products, each with the name plans take and its resource ID. */
record ProductsView(List<Entry> products) implements Listing {

    record Entry(String product, String name, String typeKey, String site, String status, String resourceId) {}

    static ProductsView of(List<Workspace> workspaces) {
        return new ProductsView(workspaces.stream()
                .map(w -> new Entry(AccessTargets.handle(w), w.name(), w.typeKey(), w.hostUrl(), w.status(), w.id()))
                .toList());
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Product", "Name", "Site", "Status", "Resource ID"),
                products.stream()
                        .map(p -> List.of(
                                Objects.toString(p.product(), ""),
                                Objects.toString(p.name(), ""),
                                Objects.toString(p.site(), ""),
                                Objects.toString(p.status(), ""),
                                Objects.toString(p.resourceId(), "")))
                        .toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        int n = products.size();
        return List.of(n == 0 ? "the organization has no products" : n + (n == 1 ? " product" : " products"));
    }
}
