package io.gridkeeper.it.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import io.gridkeeper.it.apps.MemberModeContract;
import io.gridkeeper.jcache.micronaut.ConfiguredCacheManager;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.cache.CacheManager;
import io.micronaut.cache.jcache.JCacheManager;
import java.time.Duration;
import java.util.List;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.Test;

/**
 * The Micronaut bookshelf, twice, over HTTP: two app instances whose Hazelcast members (started by Gridkeeper's
 * Micronaut factory) form one cluster through ZooKeeper discovery. A value one instance computed is served by the
 * other without computing it again ({@link MemberModeContract}). Instance a creates unlisted caches on demand, instance b
 * rejects them.
 */
final class MicronautBookshelfTest extends MemberModeContract<BookshelfInstance> {

    @Override
    protected BookshelfInstance startMember(String name, String clusterName, String zookeeperConnectString) {
        return BookshelfInstance.start(
                name, clusterName, zookeeperConnectString, name.equals("a") ? "create" : "reject");
    }

    @Test
    void listedCache_fromApplicationYml_hasItsExpiryAndIsAGridkeeperCache() {
        CacheManager<?> cacheManager = a().context().getBean(CacheManager.class);
        assertThat(cacheManager).isInstanceOf(JCacheManager.class);
        javax.cache.CacheManager jcache = ((JCacheManager) cacheManager).getCacheManager();
        assertThat(jcache).isInstanceOf(ConfiguredCacheManager.class);
        assertThat(jcache.unwrap(com.hazelcast.core.HazelcastInstance.class)).isSameAs(a().hazelcast());

        @SuppressWarnings("unchecked")
        CompleteConfiguration<Object, Object> books =
                jcache.getCache("books").getConfiguration(CompleteConfiguration.class);

        assertThat(books.getExpiryPolicyFactory().create()).isInstanceOf(ModifiedExpiryPolicy.class);
        assertThat(books.getExpiryPolicyFactory().create().getExpiryForCreation())
                .isEqualTo(new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.MINUTES, 10));
        assertThat(books.isStatisticsEnabled()).isTrue();
    }

    @Test
    void unlistedCache_withMissingCachesCreate_isCreatedOnDemandAndShared() {
        String computed = a().get("/ratings/978-0-201-63361-0");

        assertThat(computed).startsWith("rating of 978-0-201-63361-0 (computed by a #");
        assertThat(b().get("/ratings/978-0-201-63361-0")).isEqualTo(computed);
        // Micrometer meters for the cache created on demand too (a miss on a, a hit on b, summed cluster-wide)
        MeterRegistry registry = a().context().getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gets(registry, "ratings", "hit")).isEqualTo(1.0);
            assertThat(gets(registry, "ratings", "miss")).isEqualTo(1.0);
        });
    }

    @Test
    void unlistedCache_withMissingCachesReject_failsNamingTheCacheAndTheSetting() {
        b().getFailing("/prices/978-0-596-00712-6", 500);

        CacheManager<?> cacheManager = b().context().getBean(CacheManager.class);
        assertThatThrownBy(() -> cacheManager.getCache("prices"))
                .isInstanceOf(CacheException.class)
                .hasMessage("Cache [prices] is not configured: list it under [gridkeeper.jcache.caches.prices] or set"
                        + " [gridkeeper.jcache.missing-caches=create]; configured caches: [authors, books]");
    }

    @Test
    void micrometerJCacheMetrics_hitsAndMissesAcrossInstances_areCounted() {
        MeterRegistry registry = a().context().getBean(MeterRegistry.class);

        a().get("/authors/knuth"); // miss, computed and put
        b().get("/authors/knuth"); // hit
        a().get("/authors/knuth"); // hit

        // the statistics MXBean reports the cluster-wide sum, published by each view every second
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gets(registry, "authors", "hit")).isEqualTo(2.0);
            assertThat(gets(registry, "authors", "miss")).isEqualTo(1.0);
        });
    }

    @Test
    void hazelcastInstances_oneMemberPerAppFromApplicationYml_noneStartedByTheProvider() {
        assertThat(Hazelcast.getAllHazelcastInstances()).containsExactlyInAnyOrder(a().hazelcast(), b().hazelcast());
        assertThat(a().hazelcast().getConfig().getProperty("hazelcast.wait.seconds.before.join"))
                .isEqualTo("1");
        assertThat(List.of(a(), b()))
                .allSatisfy(app ->
                        assertThat(app.hazelcast().getCluster().getMembers()).hasSize(2));
    }

    private static double gets(MeterRegistry registry, String cache, String result) {
        FunctionCounter counter = registry.find("cache.gets")
                .tag("cache", cache)
                .tag("result", result)
                .functionCounter();
        return counter == null ? -1 : counter.count();
    }
}
