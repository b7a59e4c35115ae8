package io.orgshell.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The Organizations API ({@code /admin/v1/orgs}): the organizations the key sees, this one, its domains and its managed accounts. */
public final class OrganizationsClient {

    private static final String V1_ORG = "/admin/v1/orgs/{orgId}";

    private final ApiTransport transport;

    OrganizationsClient(ApiTransport transport) {
        this.transport = transport;
    }

    /** Every organization the key can see (a key scoped to one org sees none). */
    public List<Org> orgs() {
        return transport
                .pages("/admin/v1/orgs", Map.of(), Map.of(), Org.Page.class)
                .flatMapIterable(p -> ApiTransport.nonNull(p.data()))
                .collectList()
                .block();
    }

    /** The connection's organization, as it answers now. */
    public Org org() {
        return readOrg().block();
    }

    Mono<Org> readOrg() {
        return transport.get(V1_ORG, Map.of(), Map.of(), Org.One.class).map(Org.One::data);
    }

    /** The org's domains, every status. */
    public List<Domain> domains() {
        return domainList().collectList().block();
    }

    /** The domains, or nothing when the org does not answer within {@code wait} or answers with an error. */
    public Optional<List<Domain>> domainsWithin(Duration wait) {
        return domainList()
                .collectList()
                .timeout(wait)
                .map(Optional::of)
                .onErrorReturn(Optional.empty())
                .block();
    }

    private Flux<Domain> domainList() {
        return transport
                .pages(V1_ORG + "/domains", Map.of(), Map.of(), Domain.Page.class)
                .flatMapIterable(p -> ApiTransport.nonNull(p.data()));
    }

    /**
     * The managed accounts, one page at a time: the next page is requested only when the loop has finished with this
     * one, so a loop that lets each page go holds one page however many there are. Each iteration walks the listing
     * from its start.
     */
    public Iterable<ManagedUser.Page> userPages() {
        return transport
                .pages(V1_ORG + "/users", Map.of(), Map.of(), ManagedUser.Page.class)
                .toIterable(1);
    }
}
