package io.orgshell.api;

/**
 * The pages of one listing, to be read once, in a {@code try}: closing it (after the last page, or early on an
 * error or an interrupt) stops whatever still fetches, so no request goes out for a page nobody will read.
 */
public interface PageWalk<T> extends Iterable<T>, AutoCloseable {

    @Override
    void close();
}
