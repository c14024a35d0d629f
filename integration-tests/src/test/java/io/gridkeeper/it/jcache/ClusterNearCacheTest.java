package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The near cache ({@code gridkeeper.jcache.near-cache=true}) on members and clients: reads are served locally, and a
 * change made through another member or client reaches them (Hazelcast invalidates asynchronously, so the tests wait
 * for it). Keys lie in partitions owned by both members, so local and remote entries are covered.
 */
final class ClusterNearCacheTest {

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(2);

    private static CacheManager nearFirst;
    private static CacheManager nearSecond;
    private static CacheManager plainSecond;

    @BeforeAll
    static void openManagers() {
        nearFirst = cluster.cacheManager(cluster.member(0), nearCache());
        nearSecond = cluster.cacheManager(cluster.member(1), nearCache());
        plainSecond = cluster.manager(1);
    }

    @Test
    void nearCache_memberMode_writesAndRemovesOnAnotherMemberReachTheReader() {
        List<String> keys = cluster.keysOwnedByEveryMember("member-", 2);
        Cache<String, String> reader = nearFirst.createCache("near-members", new MutableConfiguration<>());
        Cache<String, String> writer = plainSecond.getCache("near-members");
        keys.forEach(key -> writer.put(key, "one"));
        readTwice(reader, keys, "one");

        keys.forEach(key -> writer.put(key, "two"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> keys.forEach(key -> assertThat(reader.get(key)).isEqualTo("two")));
        keys.forEach(writer::remove);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> keys.forEach(key -> assertThat(reader.get(key)).isNull()));

        assertThat(nearCacheHits(reader)).isPositive();
    }

    @Test
    void nearCache_cacheWithExpiry_readerSeesTheEntryExpire() {
        List<String> keys = cluster.keysOwnedByEveryMember("expiring-", 2);
        Cache<String, String> reader = nearFirst.createCache(
                "near-expiring",
                new MutableConfiguration<String, String>()
                        .setExpiryPolicyFactory(
                                CreatedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.SECONDS, 2))));
        Cache<String, String> writer = plainSecond.getCache("near-expiring");
        keys.forEach(key -> writer.put(key, "value"));
        readTwice(reader, keys, "value");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> keys.forEach(key -> assertThat(reader.get(key)).isNull()));
    }

    @Test
    void nearCache_memberMode_readerSeesItsOwnWritesAtOnce() {
        List<String> keys = cluster.keysOwnedByEveryMember("own-", 2);
        Cache<String, String> cache = nearFirst.createCache("near-own-writes", new MutableConfiguration<>());
        keys.forEach(key -> cache.put(key, "one"));
        readTwice(cache, keys, "one");

        keys.forEach(key -> cache.put(key, "two"));

        keys.forEach(key -> assertThat(cache.get(key)).isEqualTo("two"));
        assertThat(nearCacheHits(cache)).isPositive();
    }

    @Test
    void nearCache_clientMode_writeThroughAnotherClientReachesTheReader() {
        List<String> keys = cluster.keysOwnedByEveryMember("client-", 2);
        CacheManager readingClient = cluster.cacheManager(cluster.client(), nearCache());
        CacheManager writingClient = cluster.cacheManager(cluster.client(), nearCache());
        Cache<String, String> reader = readingClient.createCache("near-clients", new MutableConfiguration<>());
        Cache<String, String> writer = writingClient.getCache("near-clients");
        keys.forEach(key -> writer.put(key, "one"));
        readTwice(reader, keys, "one");
        readTwice(writer, keys, "one");

        keys.forEach(key -> writer.put(key, "two"));

        keys.forEach(key -> assertThat(writer.get(key)).isEqualTo("two"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> keys.forEach(key -> assertThat(reader.get(key)).isEqualTo("two")));
        assertThat(nearCacheHits(reader)).isPositive();
    }

    @Test
    void invoke_nearCacheOnTwoMembersAndAClient_countsEveryIncrement() {
        List<String> keys = cluster.keysOwnedByEveryMember("counter-", 2);
        List<Cache<String, Integer>> caches = List.of(
                nearFirst.createCache("near-counters", new MutableConfiguration<>()),
                nearSecond.getCache("near-counters"),
                cluster.cacheManager(cluster.client(), nearCache()).getCache("near-counters"));
        // reads fill every near cache before the increments start
        caches.forEach(cache -> keys.forEach(key -> cache.put(key, 0)));
        caches.forEach(cache -> keys.forEach(cache::get));
        EntryProcessor<String, Integer, Void> increment = (entry, arguments) -> {
            entry.setValue(entry.getValue() + 1);
            return null;
        };
        int rounds = 50;
        ExecutorService invokers =
                Executors.newFixedThreadPool(caches.size(), task -> new Thread(task, "near-invoker"));
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (Cache<String, Integer> cache : caches) {
                running.add(CompletableFuture.runAsync(
                        () -> {
                            for (int round = 0; round < rounds; round++) {
                                keys.forEach(key -> cache.invoke(key, increment));
                            }
                        },
                        invokers));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .orTimeout(120, TimeUnit.SECONDS)
                    .join();
        } finally {
            invokers.shutdownNow();
        }

        // a lost increment never reaches the total; a near cache only delays seeing it
        IMap<String, Integer> map = cluster.member(0).getMap("near-counters");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        keys.forEach(key -> assertThat(map.get(key)).as(key).isEqualTo(caches.size() * rounds)));
    }

    private static void readTwice(Cache<String, String> cache, List<String> keys, String expected) {
        for (int i = 0; i < 2; i++) {
            keys.forEach(key -> assertThat(cache.get(key)).isEqualTo(expected));
        }
    }

    private static long nearCacheHits(Cache<String, ?> cache) {
        return cache.unwrap(IMap.class).getLocalMapStats().getNearCacheStats().getHits();
    }

    private static Properties nearCache() {
        Properties properties = new Properties();
        properties.setProperty(ProviderProperties.NEAR_CACHE, "true");
        return properties;
    }
}
