package io.orgshell.api;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Walks one listing from its first page to its last, following its cursors, and stops it with a clear error when the
 * server would keep it going for ever: a cursor seen before (a loop of any length, not only the previous page's), a
 * long run of empty pages that each point to another, or far more items than the {@code meta.total} the listing
 * announced.
 */
final class CursorWalk {

    static final int MAX_EMPTY_PAGES_IN_A_ROW = 20;
    /** Accounts join while an export runs; twice the announced total and then some is no longer that. */
    static final int TOTAL_SLACK = 1000;

    private final String request;
    private final Set<String> seen = new HashSet<>();
    private int pages;
    private int emptyInARow;
    private long items;

    CursorWalk(String request) {
        this.request = request;
    }

    /** Pages from the first ({@code null} cursor) to the last, each asked for once the one before is consumed. */
    static <P extends ListPage> Flux<P> pages(String request, Function<String, Mono<P>> pageAt) {
        return Flux.defer(() -> {
            CursorWalk walk = new CursorWalk(request);
            Function<String, Mono<Fetched<P>>> fetch =
                    cursor -> pageAt.apply(cursor).map(page -> new Fetched<>(page, walk.next(page)));
            return fetch.apply(null)
                    .expand(fetched -> fetched.next() == null ? Mono.empty() : fetch.apply(fetched.next()))
                    .map(Fetched::page);
        });
    }

    /** One page and the cursor of the page after it (null on the last page). */
    private record Fetched<P>(P page, String next) {}

    /** {@code links.next} is a full URL carrying {@code cursor=} in v1, and may be a bare cursor in v2. */
    private static String cursorOf(String next) {
        if (next.startsWith("http://") || next.startsWith("https://") || next.startsWith("/")) {
            String cursor = UriComponentsBuilder.fromUriString(next)
                    .build()
                    .getQueryParams()
                    .getFirst("cursor");
            return cursor == null ? null : UriUtils.decode(cursor, StandardCharsets.UTF_8);
        }
        return next;
    }

    /** The cursor of the page after {@code page}, or null on the last page. */
    String next(ListPage page) {
        pages++;
        int n = page.data() == null ? 0 : page.data().size();
        items += n;
        emptyInARow = n == 0 ? emptyInARow + 1 : 0;
        Links links = page.links();
        String next = links == null || !links.hasNext() ? null : cursorOf(links.next());
        if (next == null) {
            return null;
        }
        if (!seen.add(next)) {
            throw stop("the server sent the cursor of an earlier page again after " + pages + " pages");
        }
        if (emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
            throw stop("the server sent " + emptyInARow + " empty pages in a row, each pointing to another");
        }
        Integer total = page.total();
        if (total != null && items > 2L * total + TOTAL_SLACK) {
            throw stop("the server sent " + items + " items in " + pages + " pages, far past the " + total
                    + " it announced (meta.total)");
        }
        return next;
    }

    private ApiException stop(String what) {
        return new ApiException(
                200, "endless-listing", what + "; the listing would never end, so it was stopped", request, null);
    }
}
