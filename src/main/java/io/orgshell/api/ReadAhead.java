package io.orgshell.api;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.SynchronousQueue;
import java.util.function.Function;
import reactor.core.Exceptions;

/**
 * A cursor walk whose pages are fetched on a thread of its own, one page ahead of the reader: while the reader writes
 * a page's rows, the next page is already on its way (its cursor came with the page). So at most two pages are held,
 * the reader's and the one being fetched or handed over. The fetching thread ends when the walk ends or fails (the
 * reader gets the failure), or when the walk is closed or its reader interrupted (whose loop then ends with an
 * exception, as over a Flux's iterable); after that it sends no request.
 */
final class ReadAhead<P extends ListPage> implements PageWalk<P> {

    private final String request;
    private final Function<String, P> pageAt;
    private final SynchronousQueue<Object> handed = new SynchronousQueue<>();
    private volatile boolean closed;
    private Thread fetcher;

    /**
     * @param request what is walked, for messages ("POST /v2/…/users/search")
     * @param pageAt the page at a cursor (null: the first), fetched on the calling thread
     */
    ReadAhead(String request, Function<String, P> pageAt) {
        this.request = request;
        this.pageAt = pageAt;
    }

    /** The end of the walk, or how it failed. */
    private record End(Throwable failure) {}

    @Override
    public synchronized Iterator<P> iterator() {
        if (fetcher != null || closed) {
            throw new IllegalStateException("a walk of " + request + " is read once, before it is closed");
        }
        fetcher = new Thread(this::fetch, "orgshell-pages");
        fetcher.setDaemon(true);
        fetcher.start();
        return new Pages();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (fetcher != null) {
            fetcher.interrupt();
        }
    }

    private void fetch() {
        Object last = new End(null);
        try {
            CursorWalk walk = new CursorWalk(request);
            String cursor = null;
            do {
                P page = pageAt.apply(cursor);
                cursor = walk.next(page);
                handed.put(page);
            } while (cursor != null && !closed);
        } catch (InterruptedException e) {
            return; // closed while handing a page over: nobody reads the rest
        } catch (Throwable e) {
            last = new End(e);
        }
        try {
            if (!closed) {
                handed.put(last);
            }
        } catch (InterruptedException e) {
            // closed meanwhile
        }
    }

    private final class Pages implements Iterator<P> {

        private Object next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = handed.take();
                } catch (InterruptedException e) {
                    close();
                    throw Exceptions.propagate(e);
                }
            }
            if (next instanceof End end) {
                if (end.failure() instanceof RuntimeException r) {
                    throw r;
                }
                if (end.failure() instanceof Error err) {
                    throw err;
                }
                if (end.failure() != null) {
                    throw new IllegalStateException(end.failure());
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
