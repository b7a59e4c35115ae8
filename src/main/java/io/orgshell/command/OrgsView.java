package io.orgshell.command;

import io.orgshell.api.Org;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import java.util.List;
import java.util.Objects;

/** {@code orgs list}: the organizations the key can see. */
record OrgsView(List<Entry> organizations) implements Listing {

    record Entry(String id, String name) {}

    static OrgsView of(List<Org> orgs) {
        return new OrgsView(
                orgs == null
                        ? List.of()
                        : orgs.stream().map(o -> new Entry(o.id(), o.name())).toList());
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("ID", "Name"),
                organizations.stream()
                        .map(o -> List.of(Objects.toString(o.id(), ""), Objects.toString(o.name(), "")))
                        .toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        int n = organizations.size();
        return List.of(
                n == 0
                        ? "no organizations visible to this key (keys scoped to one org list none)"
                        : n + (n == 1 ? " organization" : " organizations"));
    }
}
