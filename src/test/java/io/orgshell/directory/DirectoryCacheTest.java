package io.orgshell.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryCacheTest {

    @Test
    void completesIdsThenEmailsByPrefixAndFollowsAChangedEmail() {
        DirectoryCache cache = new DirectoryCache();
        cache.put("aa02", "Zoe@acme.example");
        cache.put("aa01", "ann@acme.example");
        cache.put("bb01", "aaron@acme.example");
        assertThat(cache.complete("aa", 10)).containsExactly("aa01", "aa02", "aaron@acme.example");
        assertThat(cache.complete("z", 10)).containsExactly("zoe@acme.example");

        cache.put("aa02", "zed@acme.io");
        assertThat(cache.complete("z", 10)).containsExactly("zed@acme.io");
        assertThat(cache.accountIdForEmail("ZED@acme.io")).isEqualTo("aa02");
        assertThat(cache.accountIdForEmail("zoe@acme.example")).isNull();
        assertThat(cache.complete("aa", 2)).containsExactly("aa01", "aa02");
    }

    @Test
    void stopsTakingNewAccountsAtCapacityButStillUpdatesKnownOnes() {
        DirectoryCache cache = new DirectoryCache();
        for (int i = 0; i < DirectoryCache.CAPACITY + 10; i++) {
            cache.put(String.format("%024x", i), "u" + i + "@acme.example");
        }
        assertThat(cache.size()).isEqualTo(DirectoryCache.CAPACITY);
        cache.put(String.format("%024x", 0), "first@acme.io");
        assertThat(cache.accountIdForEmail("first@acme.io")).isEqualTo(String.format("%024x", 0));
        assertThat(cache.complete(String.format("%024x", DirectoryCache.CAPACITY), 5))
                .isEmpty();
    }
}
