package io.orgshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgshell.sandbox.SandboxConfig;
import io.orgshell.session.Session;
import io.orgshell.support.ShellTest;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A listing holds one page at a time: a page the consumer has finished with is garbage, however long the listing. */
class PagingMemoryTest extends ShellTest {

    @Autowired
    Session session;

    @Test
    void pagesAlreadyConsumedAreNotKeptReachableByTheListing() {
        connectTo(sandbox(SandboxConfig.defaults().withUsers(400).withSeed(17).withPageSize(10)));
        AdminApiClient client = session.require().client();
        List<WeakReference<ManagedUser.Page>> seen = new ArrayList<>();
        int pages = 0;
        for (ManagedUser.Page page : client.organizations().userPages()) {
            seen.add(new WeakReference<>(page));
            pages++;
            if (pages == 30) {
                page = null;
                System.gc();
                long collected = seen.subList(0, 25).stream()
                        .filter(r -> r.get() == null)
                        .count();
                assertThat(collected)
                        .as("pages 1-25 collected while page 30 is read")
                        .isEqualTo(25);
            }
        }
        assertThat(pages).isGreaterThan(30);
    }
}
