package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The walk one page ahead of its reader: in order, ahead by one and no more, stopped by close, failures handed on. */
class ReadAheadTest {

    record Page(List<String> data, Links links) implements ListPage {}

    /** Page {@code n} of {@code last}, its cursor "c{n+1}". */
    static Page page(int n, int last) {
        return new Page(List.of("item" + n), new Links(null, null, n < last ? "c" + (n + 1) : null));
    }

    final List<String> asked = new CopyOnWriteArrayList<>();

    ReadAhead<Page> walk(int last) {
        return new ReadAhead<>("GET /test", cursor -> {
            asked.add(cursor == null ? "c1" : cursor);
            return page(cursor == null ? 1 : Integer.parseInt(cursor.substring(1)), last);
        });
    }

    @Test
    void everyPageInOrderAndTheNextAskedForWhileTheReaderHoldsThisOne() {
        List<String> read = new ArrayList<>();
        try (ReadAhead<Page> walk = walk(5)) {
            Iterator<Page> pages = walk.iterator();
            Page first = pages.next();
            await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);
            assertThat(asked).as("one ahead, and no more").containsExactly("c1", "c2");
            read.addAll(first.data());
            pages.forEachRemaining(p -> read.addAll(p.data()));
        }
        assertThat(read).containsExactly("item1", "item2", "item3", "item4", "item5");
        assertThat(asked).hasSize(5);
    }

    @Test
    void closedEarlyItsFetchingThreadEnds() {
        AtomicReference<Thread> fetcher = new AtomicReference<>();
        ReadAhead<Page> walk = new ReadAhead<>("GET /test", cursor -> {
            fetcher.set(Thread.currentThread());
            asked.add(cursor == null ? "c1" : cursor);
            return page(cursor == null ? 1 : Integer.parseInt(cursor.substring(1)), 1000);
        });
        Iterator<Page> pages = walk.iterator();
        pages.next();
        await().atMost(Duration.ofSeconds(5)).until(() -> asked.size() == 2);
        assertThat(fetcher.get().isAlive()).as("holding page 2 for the reader").isTrue();

        walk.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> !fetcher.get().isAlive());
        assertThat(asked).containsExactly("c1", "c2");
        assertThatThrownBy(walk::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailureComesToTheReaderAfterThePagesBeforeIt() {
        try (ReadAhead<Page> walk = new ReadAhead<>("GET /test", cursor -> {
            if (cursor != null) {
                throw new ApiException(500, "boom", "the server failed", "GET /test", null);
            }
            return page(1, 3);
        })) {
            Iterator<Page> pages = walk.iterator();
            assertThat(pages.next().data()).containsExactly("item1");
            assertThatThrownBy(pages::hasNext)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("the server failed");
        }
    }
}
