package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.EntryView;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.GridkeeperCache;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.EventType;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.management.CacheStatisticsMXBean;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSR-107 semantics across a 2-member cluster (and a client): each cache is used from more than one member. */
final class ClusterSemanticsTest {

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(2);

    @Test
    void configuration_createdOnOneMember_isVisibleOnAnother() {
        first().createCache(
                        "configured",
                        new MutableConfiguration<String, String>()
                                .setTypes(String.class, String.class)
                                .setExpiryPolicyFactory(
                                        CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));

        Cache<String, String> cache = second().getCache("configured", String.class, String.class);

        @SuppressWarnings("unchecked")
        MutableConfiguration<String, String> configuration = cache.getConfiguration(MutableConfiguration.class);
        assertThat(configuration.getExpiryPolicyFactory().create().getExpiryForCreation())
                .isEqualTo(javax.cache.expiry.Duration.ONE_HOUR);
    }

    @Test
    void configuration_createdOnAMember_isVisibleOnAClient() {
        first().createCache(
                        "configured-for-client",
                        new MutableConfiguration<String, String>()
                                .setTypes(String.class, String.class)
                                .setReadThrough(true)
                                .setCacheLoaderFactory(FactoryBuilder.factoryOf(PrefixLoader.class)));

        Cache<String, String> cache =
                cluster.cacheManager(cluster.client()).getCache("configured-for-client", String.class, String.class);

        assertThat(cache.get("a")).isEqualTo("loaded-a");
    }

    @Test
    void getCache_existingIMapWithoutCreateCache_isAViewOverIt() {
        cluster.member(0).getMap("plain-map").put("key", "value");

        // Hazelcast announces a new map's proxy to the other members asynchronously: it is visible within moments.
        Cache<Object, Object> cache =
                await().atMost(Duration.ofSeconds(30)).until(() -> second().getCache("plain-map"), Objects::nonNull);

        assertThat(cache.get("key")).isEqualTo("value");
        assertThat(cache.unwrap(IMap.class).getName()).isEqualTo("plain-map");
    }

    @Test
    void getCache_existingIMapFromAClient_isAViewOverIt() {
        cluster.member(1).getMap("plain-map-for-client").put("key", "value");

        Cache<Object, Object> cache = cluster.cacheManager(cluster.client()).getCache("plain-map-for-client");

        assertThat(cache).isNotNull();
        assertThat(cache.get("key")).isEqualTo("value");
    }

    @Test
    void storeByValue_valueMutatedAfterPut_cacheKeepsTheOriginal() {
        Cache<String, ArrayList<String>> cache = first().createCache("by-value", new MutableConfiguration<>());
        ArrayList<String> value = new ArrayList<>(List.of("a"));

        cache.put("key", value);
        value.add("b");

        assertThat(second().<String, ArrayList<String>>getCache("by-value").get("key"))
                .containsExactly("a");
    }

    @Test
    void expiry_createdPolicyOnOneMember_expiresTheEntryForAllWithEvent() {
        Cache<String, String> cache = first().createCache(
                        "expiring",
                        new MutableConfiguration<String, String>()
                                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                                        new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.SECONDS, 1))));
        Cache<String, String> other = second().getCache("expiring");
        other.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(new RecordingListener()), null, true, false));
        cache.put("key", "value");

        await().atMost(Duration.ofSeconds(30)).until(() -> cache.get("key") == null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RecordingListener.events("expiring").contains(EventType.EXPIRED));
    }

    @Test
    void expiry_throwingPolicy_operationsSucceed() {
        Cache<String, String> cache = first().createCache(
                        "throwing-expiry",
                        new MutableConfiguration<String, String>()
                                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(ThrowingExpiryPolicy.class)));

        cache.put("key", "one");
        cache.put("key", "two");

        assertThat(cache.get("key")).isEqualTo("two");
        assertThat(second().<String, String>getCache("throwing-expiry").get("key"))
                .isEqualTo("two");
    }

    @Test
    void expiry_zeroAccessDuration_readReturnsValueThenExpiresWithEvent() {
        Cache<String, String> cache = first().createCache(
                        "zero-access",
                        new MutableConfiguration<String, String>()
                                .setExpiryPolicyFactory(FactoryBuilder.factoryOf(ExpireOnAccessPolicy.class)));
        cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                FactoryBuilder.factoryOf(new RecordingListener()), null, true, true));
        cache.put("key", "value");

        assertThat(second().<String, String>getCache("zero-access").get("key")).isEqualTo("value");

        assertThat(cache.containsKey("key")).isFalse();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RecordingListener.events("zero-access").contains(EventType.EXPIRED));
    }

    @Test
    void expiry_zeroForCreation_entryIsNotStoredAnywhere() {
        Cache<String, String> cache = first().createCache(
                        "zero-creation",
                        new MutableConfiguration<String, String>()
                                .setExpiryPolicyFactory(
                                        CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ZERO)));

        second().<String, String>getCache("zero-creation").put("key", "value");

        assertThat(cache.containsKey("key")).isFalse();
        assertThat(cluster.member(0).getMap("zero-creation").size()).isZero();
    }

    @Test
    void expiry_nullForUpdate_keepsTheEntrysExpiry() {
        first().createCache(
                        "null-update",
                        new MutableConfiguration<String, String>()
                                .setExpiryPolicyFactory(
                                        CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));
        IMap<String, String> map = cluster.member(0).getMap("null-update");
        // an expiry neither the creation duration (1 hour) nor eternal
        map.put("key", "one", 3, java.util.concurrent.TimeUnit.HOURS);
        long expiration = map.getEntryView("key").getExpirationTime();

        second().<String, String>getCache("null-update").put("key", "two");

        EntryView<String, String> updated = map.getEntryView("key");
        assertThat(updated.getValue()).isEqualTo("two");
        // the remaining TTL is re-applied (whole seconds, after a round trip): the expiry moves a little, while a
        // reset to the creation duration would move it by 2 hours and eternal would remove it
        assertThat(updated.getExpirationTime()).isBetween(expiration - 60_000, expiration + 60_000);
    }

    @Test
    void writeThrough_failingWriter_leavesTheCacheUnchanged() {
        Cache<String, String> cache = first().createCache(
                        "failing-writer",
                        new MutableConfiguration<String, String>()
                                .setWriteThrough(true)
                                .setCacheWriterFactory(FactoryBuilder.factoryOf(FailingWriter.class)));

        assertThatThrownBy(() -> cache.put("key", "value")).isInstanceOf(CacheWriterException.class);

        assertThat(second().getCache("failing-writer").containsKey("key")).isFalse();
    }

    @Test
    void readThrough_missOnAnotherMember_loadsAndStoresForAll() {
        first().createCache(
                        "read-through",
                        new MutableConfiguration<String, String>()
                                .setReadThrough(true)
                                .setCacheLoaderFactory(FactoryBuilder.factoryOf(PrefixLoader.class)));

        assertThat(second().<String, String>getCache("read-through").get("a")).isEqualTo("loaded-a");

        assertThat(cluster.member(0).getMap("read-through").get("a")).isEqualTo("loaded-a");
    }

    @Test
    void invoke_nonSerializableProcessorFromTwoMembers_isAtomic() {
        Cache<String, Integer> one = first().createCache("counter-local", new MutableConfiguration<>());
        Cache<String, Integer> two = second().getCache("counter-local");
        EntryProcessor<String, Integer, Void> increment = (entry, arguments) -> {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
            return null;
        };

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> repeat(200, () -> one.invoke("n", increment)));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> repeat(200, () -> two.invoke("n", increment)));
        CompletableFuture.allOf(a, b).join();

        assertThat(one.get("n")).isEqualTo(400);
    }

    @Test
    void invoke_serializableProcessor_runsOnThePartitionOwner() {
        Cache<String, Integer> cache = first().createCache("counter-owner", new MutableConfiguration<>());

        String thread = cache.invoke("n", new IncrementReportingThread());

        assertThat(thread).contains("partition-operation");
        assertThat(second().<String, Integer>getCache("counter-owner").get("n")).isEqualTo(1);
    }

    @Test
    void listener_synchronousOnAnotherMember_ranBeforeThePutReturned() {
        Cache<String, String> writer = first().createCache("sync-listener", new MutableConfiguration<>());
        second().<String, String>getCache("sync-listener")
                .registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                        FactoryBuilder.factoryOf(new RecordingListener()), null, true, true));
        awaitRegistrationSeenBy(writer, "sync-listener");

        writer.put("key", "value");

        assertThat(RecordingListener.keys("sync-listener")).containsExactly("key");
    }

    @Test
    void listener_synchronousOnAClient_ranBeforeTheMembersPutReturned() {
        HazelcastInstance client = cluster.client();
        Cache<String, String> writer = first().createCache("client-listener", new MutableConfiguration<>());
        cluster.cacheManager(client)
                .<String, String>getCache("client-listener")
                .registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
                        FactoryBuilder.factoryOf(new RecordingListener()), null, true, true));
        awaitRegistrationSeenBy(writer, "client-listener");

        writer.put("key", "value");
        writer.put("key", "other");

        assertThat(RecordingListener.events("client-listener")).containsExactly(EventType.CREATED, EventType.UPDATED);
    }

    /** Registrations travel asynchronously: probe until one event arrived, then forget the probes. */
    private static void awaitRegistrationSeenBy(Cache<String, String> writer, String cache) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            writer.put("probe", "probe");
            writer.remove("probe");
            return RecordingListener.keys(cache).contains("probe");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            RecordingListener.clear(cache);
            writer.getAndPut("probe", "probe");
            return RecordingListener.keys(cache).equals(List.of("probe"));
        });
        writer.remove("probe");
        RecordingListener.clear(cache);
    }

    @Test
    void eviction_notConfigured_keepsEveryEntry() {
        Cache<Integer, Integer> cache = first().createCache("no-eviction", new MutableConfiguration<>());
        Map<Integer, Integer> entries = new HashMap<>();
        for (int i = 0; i < 30_000; i++) {
            entries.put(i, i);
        }

        cache.putAll(entries);

        assertThat(second().getCache("no-eviction").unwrap(IMap.class).size()).isEqualTo(30_000);
    }

    @Test
    void eviction_configuredOnTheMap_boundsTheCache() {
        // the member configuration bounds the map to 1,000 entries per member; Hazelcast evicts per partition
        cluster.member(0)
                .getConfig()
                .addMapConfig(new MapConfig("bounded")
                        .setEvictionConfig(new EvictionConfig()
                                .setEvictionPolicy(EvictionPolicy.LRU)
                                .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                                .setSize(1_000)));
        Cache<Integer, Integer> cache = first().createCache("bounded", new MutableConfiguration<>());

        for (int i = 0; i < 10_000; i++) {
            cache.put(i, i);
        }

        assertThat(second().getCache("bounded").unwrap(IMap.class).size()).isBetween(1, 5_000);
    }

    @Test
    void operations_afterTheClientShutDown_throwIllegalStateException() {
        HazelcastInstance client = cluster.client();
        Cache<String, String> cache =
                cluster.cacheManager(client).createCache("client-gone", new MutableConfiguration<>());
        client.shutdown();

        assertThatThrownBy(() -> cache.get("key")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void operations_badInput_throwSpecExceptions() {
        Cache<String, String> cache = first().createCache(
                        "bad-input", new MutableConfiguration<String, String>().setTypes(String.class, String.class));

        assertThatThrownBy(() -> cache.put(null, "value")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.put("key", null)).isInstanceOf(NullPointerException.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Cache<Object, Object> raw = (Cache) cache;
        assertThatThrownBy(() -> raw.put(1, "value")).isInstanceOf(ClassCastException.class);
    }

    @Test
    void operations_badInputThroughAClient_throwSpecExceptions() {
        first().createCache(
                        "bad-client-input",
                        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        Cache<String, String> cache =
                cluster.cacheManager(cluster.client()).getCache("bad-client-input", String.class, String.class);

        assertThatThrownBy(() -> cache.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.invoke("key", null)).isInstanceOf(NullPointerException.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Cache<Object, Object> raw = (Cache) cache;
        assertThatThrownBy(() -> raw.put("key", 1)).isInstanceOf(ClassCastException.class);
        cache.close();
        assertThatThrownBy(() -> cache.put("key", "value")).isInstanceOf(IllegalStateException.class);
        assertThat(second().getCache("bad-client-input").isClosed()).isFalse();
    }

    @Test
    void statistics_operationsOnTwoMembers_areAggregatedClusterWide() {
        Cache<String, String> one = first().createCache(
                        "statistics", new MutableConfiguration<String, String>().setStatisticsEnabled(true));
        Cache<String, String> two = second().getCache("statistics");

        one.get("absent");
        two.put("key", "value");
        two.get("key");

        CacheStatisticsMXBean statistics = one.unwrap(GridkeeperCache.class).statistics();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(statistics.getCacheMisses()).isEqualTo(1);
            assertThat(statistics.getCachePuts()).isEqualTo(1);
            assertThat(statistics.getCacheHits()).isEqualTo(1);
        });
    }

    @Test
    void management_enabledOnTwoMembers_mxBeansUnderTheSpecNamesReportClusterWideStatistics() throws Exception {
        Cache<String, String> one = first().createCache(
                        "managed",
                        new MutableConfiguration<String, String>()
                                .setTypes(String.class, String.class)
                                .setManagementEnabled(true)
                                .setStatisticsEnabled(true));
        Cache<String, String> two = second().getCache("managed", String.class, String.class);

        one.put("key", "value");
        two.get("key");
        two.get("absent");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        assertThat(server.getAttribute(specName("CacheConfiguration", second(), "managed"), "ValueType"))
                .isEqualTo(String.class.getName());
        for (CacheManager manager : List.of(first(), second())) {
            ObjectName statistics = specName("CacheStatistics", manager, "managed");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(server.getAttribute(statistics, "CachePuts")).isEqualTo(1L);
                assertThat(server.getAttribute(statistics, "CacheHits")).isEqualTo(1L);
                assertThat(server.getAttribute(statistics, "CacheMisses")).isEqualTo(1L);
            });
        }
    }

    private static CacheManager first() {
        return cluster.manager(0);
    }

    private static CacheManager second() {
        return cluster.manager(1);
    }

    /** The JSR-107 object name, written out here rather than taken from the adapter. */
    private static ObjectName specName(String type, CacheManager manager, String cache)
            throws MalformedObjectNameException {
        String uri = manager.getURI().toString().replaceAll("[,:=\n]", ".");
        return new ObjectName("javax.cache:type=" + type + ",CacheManager=" + uri + ",Cache=" + cache);
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    /** Records events per cache, across the copies the listener factories make. */
    static final class RecordingListener
            implements CacheEntryCreatedListener<String, String>,
                    CacheEntryExpiredListener<String, String>,
                    javax.cache.event.CacheEntryUpdatedListener<String, String>,
                    Serializable {
        private static final Map<String, List<CacheEntryEvent<?, ?>>> EVENTS =
                new java.util.concurrent.ConcurrentHashMap<>();

        private static List<CacheEntryEvent<?, ?>> all(String cache) {
            return EVENTS.computeIfAbsent(cache, name -> new CopyOnWriteArrayList<>());
        }

        static List<EventType> events(String cache) {
            return all(cache).stream().map(CacheEntryEvent::getEventType).toList();
        }

        static List<Object> keys(String cache) {
            return all(cache).stream()
                    .map(CacheEntryEvent::getKey)
                    .map(Object.class::cast)
                    .toList();
        }

        static void clear(String cache) {
            all(cache).clear();
        }

        private void record(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(event -> all(event.getSource().getName()).add(event));
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }
    }

    /** An expiry policy that always fails. */
    public static final class ThrowingExpiryPolicy implements ExpiryPolicy, Serializable {
        @Override
        public javax.cache.expiry.Duration getExpiryForCreation() {
            throw new IllegalStateException("creation");
        }

        @Override
        public javax.cache.expiry.Duration getExpiryForAccess() {
            throw new IllegalStateException("access");
        }

        @Override
        public javax.cache.expiry.Duration getExpiryForUpdate() {
            throw new IllegalStateException("update");
        }
    }

    /** Entries live until their first read. */
    public static final class ExpireOnAccessPolicy implements ExpiryPolicy, Serializable {
        @Override
        public javax.cache.expiry.Duration getExpiryForCreation() {
            return javax.cache.expiry.Duration.ETERNAL;
        }

        @Override
        public javax.cache.expiry.Duration getExpiryForAccess() {
            return javax.cache.expiry.Duration.ZERO;
        }

        @Override
        public javax.cache.expiry.Duration getExpiryForUpdate() {
            return null;
        }
    }

    /** A writer that always fails. */
    public static final class FailingWriter implements CacheWriter<String, String>, Serializable {
        @Override
        public void write(Cache.Entry<? extends String, ? extends String> entry) {
            throw new IllegalStateException("cannot write " + entry.getKey());
        }

        @Override
        public void writeAll(java.util.Collection<Cache.Entry<? extends String, ? extends String>> entries) {
            throw new IllegalStateException("cannot write");
        }

        @Override
        public void delete(Object key) {
            throw new IllegalStateException("cannot delete " + key);
        }

        @Override
        public void deleteAll(java.util.Collection<?> keys) {
            throw new IllegalStateException("cannot delete");
        }
    }

    /** Increments the value and returns the name of the thread it ran on. */
    static final class IncrementReportingThread implements EntryProcessor<String, Integer, String>, Serializable {
        @Override
        public String process(MutableEntry<String, Integer> entry, Object... arguments) {
            entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
            return Thread.currentThread().getName();
        }
    }
}
