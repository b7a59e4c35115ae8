package io.orgshell.api;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.Exceptions;

/**
 * A cursor walk whose pages are fetched on a thread of its own, one page ahead of the reader: while the reader writes
 * a page's rows, the next page is already on its way (its cursor came with the page). The fetching thread holds at
 * most one page nobody has taken; it stops when the walk ends, fails, or the reader is interrupted (whose loop then ends
 * with an exception, as over a Flux's iterable) or stops taking pages, and sends no request after that.
 */
final class ReadAhead<P extends ListPage> implements Iterable<P> {

    /** A reader that has taken no page for this long has gone: the fetching thread stops. */
    static final long ABANDONED_AFTER_SECONDS = 300;

    private final String request;
    private final Function<String, P> pageAt;

    /**
     * @param request what is walked, for messages ("POST /v2/…/users/search")
     * @param pageAt the page at a cursor (null: the first), fetched on the calling thread
     */
    ReadAhead(String request, Function<String, P> pageAt) {
        this.request = request;
        this.pageAt = pageAt;
    }

    @Override
    public Iterator<P> iterator() {
        return new Pages();
    }

    /** The end of the walk, or how it failed. */
    private record End(RuntimeException failure) {}

    private final class Pages implements Iterator<P>, Runnable {

        private final BlockingQueue<Object> handed = new ArrayBlockingQueue<>(1);
        private final Thread fetcher = new Thread(this, "orgshell-pages");
        private volatile boolean gone;
        private Object next;

        Pages() {
            fetcher.setDaemon(true);
            fetcher.start();
        }

        @Override
        public void run() {
            CursorWalk walk = new CursorWalk(request);
            Object out;
            try {
                String cursor = null;
                do {
                    P page = pageAt.apply(cursor);
                    cursor = walk.next(page);
                    if (!hand(page)) {
                        return;
                    }
                } while (cursor != null && !gone);
                if (gone) {
                    return;
                }
                out = new End(null);
            } catch (RuntimeException e) {
                out = new End(e);
            }
            hand(out);
        }

        /** Waits for the reader to take the last thing handed; false when the reader has gone. */
        private boolean hand(Object o) {
            try {
                if (!handed.offer(o, ABANDONED_AFTER_SECONDS, TimeUnit.SECONDS)) {
                    gone = true;
                }
            } catch (InterruptedException e) {
                gone = true;
            }
            return !gone;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = handed.take();
                } catch (InterruptedException e) {
                    gone = true;
                    fetcher.interrupt();
                    // as a Flux's iterable says it: the reader's loop ends with an exception, not as if complete
                    throw Exceptions.propagate(e);
                }
            }
            if (next instanceof End end) {
                if (end.failure() != null) {
                    throw end.failure();
                }
                return false;
            }
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public P next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            P page = (P) next;
            next = null;
            return page;
        }
    }
}
