package io.orgshell.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.orgshell.api.Domain;
import io.orgshell.console.Console;
import io.orgshell.console.Styles;
import java.util.List;
import java.util.Objects;

/**
 * {@code domains list}: the org's domains, verified only unless {@code --all}. The CSV of {@code --out} has the
 * document's fields as its columns; the table leaves out the ID.
 */
record DomainsView(List<Entry> domains, @JsonIgnore boolean all) implements Listing {

    static final List<String> CSV_HEADER = List.of("id", "name", "status", "verification_type");

    record Entry(String id, String name, String status, String verificationType) {

        List<String> csv() {
            return List.of(
                    Objects.toString(id, ""),
                    Objects.toString(name, ""),
                    Objects.toString(status, ""),
                    Objects.toString(verificationType, ""));
        }
    }

    static DomainsView of(List<Domain> domains, boolean all) {
        return new DomainsView(
                domains.stream()
                        .map(d -> new Entry(d.id(), d.name(), d.status(), d.verificationType()))
                        .toList(),
                all);
    }

    @Override
    public Console.Table table(boolean forPerson) {
        return new Console.Table(
                List.of("Domain", "Status", "Verification"),
                domains.stream().map(d -> d.csv().subList(1, 4)).toList());
    }

    @Override
    public List<String> notes(Styles styles) {
        return List.of(domains.isEmpty() ? nothing() : count() + (all ? "" : " (--all shows the others)"));
    }

    /** "3 verified domains", "5 domains". */
    String count() {
        return domains.size() + (all ? " domains" : " verified domains");
    }

    String nothing() {
        return all ? "the organization has no domains" : "the organization has no verified domains";
    }
}
