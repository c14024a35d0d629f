package io.gridkeeper.it.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;

/**
 * The Spring Boot bookshelf, twice, over HTTP: two app instances whose Boot-managed Hazelcast members form one cluster
 * through ZooKeeper discovery, with caches from Gridkeeper's JCache provider. A value one instance computed is served
 * by the other without computing it again.
 */
final class SpringBookshelfTest {

    private static ZookeeperFixture zookeeper;
    private static BookshelfInstance a;
    private static BookshelfInstance b;

    @BeforeAll
    static void startApps() {
        zookeeper = ZookeeperFixture.single();
        String clusterName = "spring-bookshelf-" + UUID.randomUUID();
        a = BookshelfInstance.start("a", clusterName, zookeeper.connectString());
        b = BookshelfInstance.start("b", clusterName, zookeeper.connectString());
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
        assertThat(a.get("/books/978-0-13-468599-1")).isEqualTo(first);
        assertThat(b.computations()).isEqualTo(computedOnB);
    }

    @Test
    void cacheableSync_concurrentRequestsOnBothInstances_computeOnce() {
        int before = a.computations() + b.computations();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<String> bodies;
        try {
            List<CompletableFuture<String>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BookshelfInstance instance = i % 2 == 0 ? a : b;
                requests.add(CompletableFuture.supplyAsync(() -> instance.get("/authors/knuth"), clients));
            }
            bodies = requests.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }

        assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).startsWith("author knuth (computed by ");
        assertThat(a.computations() + b.computations()).isEqualTo(before + 1);
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
    void cacheEvict_onOneInstance_makesTheOtherComputeAgain() {
        assertThat(a.get("/books/978-0-321-35668-0")).contains("computed by a #");

        b.delete("/books/978-0-321-35668-0");

        assertThat(b.get("/books/978-0-321-35668-0")).contains("computed by b #");
        assertThat(a.get("/books/978-0-321-35668-0")).contains("computed by b #");
    }

    @Test
    void jsr107Annotations_resultPutRemoveRemoveAll_actOnTheSharedCache() {
        String computed = a.get("/reviews/978-0-201-63361-0");
        assertThat(computed).startsWith("no review of 978-0-201-63361-0 yet (computed by a #");
        assertThat(b.get("/reviews/978-0-201-63361-0")).isEqualTo(computed);

        b.put("/reviews/978-0-201-63361-0", "a classic");
        assertThat(a.get("/reviews/978-0-201-63361-0")).isEqualTo("a classic");

        a.delete("/reviews/978-0-201-63361-0");
        assertThat(b.get("/reviews/978-0-201-63361-0")).contains("computed by b #");

        a.put("/reviews/978-0-596-00712-6", "thorough");
        b.delete("/reviews");
        assertThat(a.get("/reviews/978-0-201-63361-0")).contains("computed by a #");
        assertThat(a.get("/reviews/978-0-596-00712-6")).contains("computed by a #");
    }

    @Test
    void hazelcastInstance_bootsOwnMember_isTheOneTheCachesUse() {
        for (BookshelfInstance app : List.of(a, b)) {
            CacheManager cacheManager = app.context().getBean(CacheManager.class);
            assertThat(cacheManager).isInstanceOf(JCacheCacheManager.class);
            javax.cache.CacheManager jcache = ((JCacheCacheManager) cacheManager).getCacheManager();
            assertThat(jcache.getCachingProvider().getClass().getName())
                    .isEqualTo("io.gridkeeper.jcache.GridkeeperCachingProvider");
            assertThat(jcache.unwrap(HazelcastInstance.class)).isSameAs(app.hazelcast());
        }
        // one member per app in this JVM, and no client: the provider started nothing of its own
        assertThat(Hazelcast.getAllHazelcastInstances()).containsExactlyInAnyOrder(a.hazelcast(), b.hazelcast());
        assertThat(HazelcastClient.getAllHazelcastClients()).isEmpty();
    }
}
