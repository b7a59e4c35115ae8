package io.orgshell.api;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows a {@code POST .../search} listing to its last page: the cursor goes back in the body, with the filters
 * (the API discards them once a cursor is given, but a server that does not still sees the same search). Guarded by
 * the same {@link CursorWalk} as the GET listings.
 */
final class SearchPages {

    private SearchPages() {
    }

    private record Fetched<P>(P page, String next) {
    }

    static <P extends ListPage> Flux<P> of(AdminApiClient client, String template, Map<String, String> vars,
                                           Map<String, Object> body, Class<P> type) {
        return Flux.defer(() -> {
            CursorWalk walk = new CursorWalk("POST " + template);
            return page(client, template, vars, body, type, walk, null)
                    .expand(f -> f.next() == null ? Mono.empty()
                            : page(client, template, vars, body, type, walk, f.next()))
                    .map(Fetched::page);
        });
    }

    private static <P extends ListPage> Mono<Fetched<P>> page(AdminApiClient client, String template,
                                                              Map<String, String> vars, Map<String, Object> body,
                                                              Class<P> type, CursorWalk walk, String cursor) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        if (cursor != null) {
            b.put("cursor", cursor);
        }
        return client.search(template, vars, b, type).map(p -> new Fetched<>(p, walk.next(p)));
    }
}
