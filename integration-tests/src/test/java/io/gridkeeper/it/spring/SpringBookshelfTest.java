package io.gridkeeper.it.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.apps.MemberModeContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;

/**
 * The Spring Boot bookshelf, twice, over HTTP: two app instances whose Boot-managed Hazelcast members form one cluster
 * through ZooKeeper discovery, with caches from Gridkeeper's JCache provider. A value one instance computed is served
 * by the other without computing it again ({@link MemberModeContract}).
 */
final class SpringBookshelfTest extends MemberModeContract<BookshelfInstance> {

    @Override
    protected BookshelfInstance startMember(String name, String clusterName, String zookeeperConnectString) {
        return BookshelfInstance.start(name, clusterName, zookeeperConnectString);
    }

    @Test
    void cacheableSync_concurrentRequestsOnBothInstances_computeOnce() {
        int before = a().computations() + b().computations();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<String> bodies;
        try {
            List<CompletableFuture<String>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BookshelfInstance instance = i % 2 == 0 ? a() : b();
                requests.add(CompletableFuture.supplyAsync(() -> instance.get("/authors/knuth"), clients));
            }
            bodies = requests.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }

        assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).startsWith("author knuth (computed by ");
        assertThat(a().computations() + b().computations()).isEqualTo(before + 1);
    }

    @Test
    void jsr107Annotations_resultPutRemoveRemoveAll_actOnTheSharedCache() {
        String computed = a().get("/reviews/978-0-201-63361-0");
        assertThat(computed).startsWith("no review of 978-0-201-63361-0 yet (computed by a #");
        assertThat(b().get("/reviews/978-0-201-63361-0")).isEqualTo(computed);

        b().put("/reviews/978-0-201-63361-0", "a classic");
        assertThat(a().get("/reviews/978-0-201-63361-0")).isEqualTo("a classic");

        a().delete("/reviews/978-0-201-63361-0");
        assertThat(b().get("/reviews/978-0-201-63361-0")).contains("computed by b #");

        a().put("/reviews/978-0-596-00712-6", "thorough");
        b().delete("/reviews");
        assertThat(a().get("/reviews/978-0-201-63361-0")).contains("computed by a #");
        assertThat(a().get("/reviews/978-0-596-00712-6")).contains("computed by a #");
    }

    @Test
    void hazelcastInstance_bootsOwnMember_isTheOneTheCachesUse() {
        for (BookshelfInstance app : List.of(a(), b())) {
            CacheManager cacheManager = app.context().getBean(CacheManager.class);
            assertThat(cacheManager).isInstanceOf(JCacheCacheManager.class);
            javax.cache.CacheManager jcache = ((JCacheCacheManager) cacheManager).getCacheManager();
            assertThat(jcache.getCachingProvider().getClass().getName())
                    .isEqualTo("io.gridkeeper.jcache.GridkeeperCachingProvider");
            assertThat(jcache.unwrap(HazelcastInstance.class)).isSameAs(app.hazelcast());
        }
        // one member per app in this JVM, and no client: the provider started nothing of its own
        assertThat(Hazelcast.getAllHazelcastInstances()).containsExactlyInAnyOrder(a().hazelcast(), b().hazelcast());
        assertThat(HazelcastClient.getAllHazelcastClients()).isEmpty();
    }
}
