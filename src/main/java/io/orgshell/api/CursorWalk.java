package io.orgshell.api;

import java.util.HashSet;
import java.util.Set;

/**
 * Follows one listing's cursors and stops it, with a clear error, when the server would keep it going for ever: a
 * cursor seen before (a loop of any length, not only the previous page's), a long run of empty pages that each point
 * to another, or far more items than the {@code meta.total} the listing announced.
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

    /** The cursor of the page after {@code page}, or null on the last page. */
    String next(ListPage page) {
        pages++;
        int n = page.data() == null ? 0 : page.data().size();
        items += n;
        emptyInARow = n == 0 ? emptyInARow + 1 : 0;
        Links links = page.links();
        String next = links == null || !links.hasNext() ? null : ApiTransport.cursorOf(links.next());
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
