package io.orgshell.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.api.Domain;
import io.orgshell.console.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A listing printed each way from its one model: the document, or the rows with the notes apart from them. */
class ListingTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    static final DomainsView DOMAINS = DomainsView.of(
            List.of(
                    new Domain(
                            "d-1",
                            "domains",
                            new Domain.Attributes("acme.example", new Domain.Claim("http", "VERIFIED"))),
                    new Domain(
                            "d-2", "domains", new Domain.Attributes("b.example", new Domain.Claim("dns", "VERIFIED")))),
            false);

    Console console(boolean terminal) {
        return Console.builder(new PrintWriter(out, true), new PrintWriter(err, true))
                .outputIsTerminal(terminal)
                .build();
    }

    @Test
    void asJsonStandardOutputHoldsTheDocumentAlone() {
        Listing.print(console(false), true, DOMAINS);
        JsonNode doc = JsonMapper.builder().build().readTree(out.toString());
        assertThat(doc.propertyNames()).containsExactly("domains");
        assertThat(doc.get("domains").get(0).propertyNames())
                .containsExactly("id", "name", "status", "verification_type");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void inAPipeTheRowsGoToStandardOutputAndTheCountToStandardError() {
        Listing.print(console(false), false, DOMAINS);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Domain\tStatus\tVerification");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("acme.example\t");
        assertThat(err.toString()).isEqualTo("2 verified domains (--all shows the others)\n");
    }

    @Test
    void theTableAndTheDocumentListTheSameEntriesInTheSameOrder() {
        Listing.print(console(false), true, DOMAINS);
        JsonNode doc = JsonMapper.builder().build().readTree(out.toString());
        List<List<String>> rows = DOMAINS.table(false).rows();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode d = doc.get("domains").get(i);
            assertThat(rows.get(i))
                    .containsExactly(
                            d.get("name").asString(),
                            d.get("status").asString(),
                            d.get("verification_type").asString());
        }
    }

    @Test
    void nothingToListIsSaidAsAMessage() {
        Listing.print(console(true), false, OrgsView.of(List.of()));
        assertThat(out.toString())
                .isEqualTo("no organizations visible to this key (keys scoped to one org list none)\n");
        out.getBuffer().setLength(0);
        Listing.print(console(false), false, OrgsView.of(List.of()));
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("no organizations visible");
    }
}
