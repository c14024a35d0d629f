package io.gridkeeper.it.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.jcache.micronaut.ConfiguredCacheManager;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.cache.CacheManager;
import io.micronaut.cache.jcache.JCacheManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.cache.CacheException;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Micronaut bookshelf, twice, over HTTP: two app instances whose Hazelcast members (started by Gridkeeper's
 * Micronaut factory) form one cluster through ZooKeeper discovery. A value one instance computed is served by the
 * other without computing it again. Instance a creates unlisted caches on demand, instance b rejects them.
 */
final class MicronautBookshelfTest {

    private static ZookeeperFixture zookeeper;
    private static BookshelfInstance a;
    private static BookshelfInstance b;

    @BeforeAll
    static void startApps() {
        zookeeper = ZookeeperFixture.single();
        String clusterName = "micronaut-bookshelf-" + UUID.randomUUID();
        a = BookshelfInstance.start("a", clusterName, zookeeper.connectString(), "create");
        b = BookshelfInstance.start("b", clusterName, zookeeper.connectString(), "reject");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> a.hazelcast().getCluster().getMembers().size() == 2
                        && b.hazelcast().getCluster().getMembers().size() == 2);
    }

    @AfterAll
    static void stopApps() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    void cacheable_valueComputedOnOneInstance_isServedByTheOtherWithoutComputing() {
        int computedOnB = b.computations();

        String first = a.get("/books/978-0-13-468599-1");
        String second = b.get("/books/978-0-13-468599-1");

        assertThat(first).startsWith("title of 978-0-13-468599-1 (computed by a #");
        assertThat(second).isEqualTo(first);
        assertThat(b.computations()).isEqualTo(computedOnB);
    }

    @Test
    void cachePut_updateOnOneInstance_isServedByTheOther() {
        a.get("/books/978-1-61729-254-5");
        int computedOnB = b.computations();

        a.put("/books/978-1-61729-254-5", "Java Concurrency in Practice, 2nd edition");

        assertThat(b.get("/books/978-1-61729-254-5")).isEqualTo("Java Concurrency in Practice, 2nd edition");
        assertThat(b.computations()).isEqualTo(computedOnB);
    }

    @Test
    void cacheInvalidate_onOneInstance_makesTheOtherComputeAgain() {
        assertThat(a.get("/books/978-0-321-35668-0")).contains("computed by a #");

        b.delete("/books/978-0-321-35668-0");

        assertThat(b.get("/books/978-0-321-35668-0")).contains("computed by b #");
        assertThat(a.get("/books/978-0-321-35668-0")).contains("computed by b #");
    }

    @Test
    void listedCache_fromApplicationYml_hasItsExpiryAndIsAGridkeeperCache() {
        CacheManager<?> cacheManager = a.context().getBean(CacheManager.class);
        assertThat(cacheManager).isInstanceOf(JCacheManager.class);
        javax.cache.CacheManager jcache = ((JCacheManager) cacheManager).getCacheManager();
        assertThat(jcache).isInstanceOf(ConfiguredCacheManager.class);
        assertThat(jcache.unwrap(com.hazelcast.core.HazelcastInstance.class)).isSameAs(a.hazelcast());

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
        String computed = a.get("/ratings/978-0-201-63361-0");

        assertThat(computed).startsWith("rating of 978-0-201-63361-0 (computed by a #");
        assertThat(b.get("/ratings/978-0-201-63361-0")).isEqualTo(computed);
        // Micrometer meters for the cache created on demand too (a miss on a, a hit on b, summed cluster-wide)
        MeterRegistry registry = a.context().getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gets(registry, "ratings", "hit")).isEqualTo(1.0);
            assertThat(gets(registry, "ratings", "miss")).isEqualTo(1.0);
        });
    }

    @Test
    void unlistedCache_withMissingCachesReject_failsNamingTheCacheAndTheSetting() {
        b.getFailing("/prices/978-0-596-00712-6", 500);

        CacheManager<?> cacheManager = b.context().getBean(CacheManager.class);
        assertThatThrownBy(() -> cacheManager.getCache("prices"))
                .isInstanceOf(CacheException.class)
                .hasMessage("Cache [prices] is not configured: list it under [gridkeeper.jcache.caches.prices] or set"
                        + " [gridkeeper.jcache.missing-caches=create]; configured caches: [authors, books]");
    }

    @Test
    void micrometerJCacheMetrics_hitsAndMissesAcrossInstances_areCounted() {
        MeterRegistry registry = a.context().getBean(MeterRegistry.class);

        a.get("/authors/knuth"); // miss, computed and put
        b.get("/authors/knuth"); // hit
        a.get("/authors/knuth"); // hit

        // the statistics MXBean reports the cluster-wide sum, published by each view every second
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(gets(registry, "authors", "hit")).isEqualTo(2.0);
            assertThat(gets(registry, "authors", "miss")).isEqualTo(1.0);
        });
    }

    @Test
    void hazelcastInstances_oneMemberPerAppFromApplicationYml_noneStartedByTheProvider() {
        assertThat(Hazelcast.getAllHazelcastInstances()).containsExactlyInAnyOrder(a.hazelcast(), b.hazelcast());
        assertThat(a.hazelcast().getConfig().getProperty("hazelcast.wait.seconds.before.join"))
                .isEqualTo("1");
        assertThat(List.of(a, b))
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
