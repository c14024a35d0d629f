package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.jcache.instance.IndeterminateWrites;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How the provider finds its Hazelcast instance, and what closing and destroying leave behind. */
final class ProviderModesTest {

    @RegisterExtension
    static final JCacheCluster cluster = JCacheCluster.perClass(2);

    @Test
    void instanceItself_managerClosed_instanceRunsAndDataStays() {
        CacheManager manager = cluster.cacheManager(cluster.member(0));
        manager.createCache("kept", new MutableConfiguration<String, String>()).put("key", "value");

        manager.close();

        assertThat(cluster.member(0).getLifecycleService().isRunning()).isTrue();
        assertThat(cluster.member(1).getMap("kept").get("key")).isEqualTo("value");
    }

    @Test
    void instanceName_ofARunningMember_isReused() {
        Properties properties = new Properties();
        properties.setProperty(
                ProviderProperties.INSTANCE_NAME, cluster.member(1).getName());

        CacheManager manager = cluster.provider()
                .getCacheManager(URI.create("gridkeeper:by-name"), getClass().getClassLoader(), properties);

        assertThat(manager.unwrap(HazelcastInstance.class)).isSameAs(cluster.member(1));
    }

    @Test
    void configLocation_clientYaml_startsAClientThatClosesWithTheManager(@TempDir Path directory) throws IOException {
        Path yaml = directory.resolve("client.yaml");
        Files.writeString(
                yaml,
                "hazelcast-client:\n  cluster-name: " + cluster.clusterName() + "\n  network:\n    cluster-members:\n"
                        + "      - " + cluster.addresses().get(0) + "\n");
        Properties properties = new Properties();
        properties.setProperty(ProviderProperties.CONFIG_LOCATION, yaml.toString());
        properties.setProperty(ProviderProperties.MODE, "client");
        CacheManager manager = cluster.provider()
                .getCacheManager(
                        URI.create("gridkeeper:client-yaml"), getClass().getClassLoader(), properties);
        HazelcastInstance client = manager.unwrap(HazelcastInstance.class);

        manager.createCache("from-client", new MutableConfiguration<String, String>())
                .put("key", "value");
        manager.close();

        assertThat(client).isInstanceOf(HazelcastClientProxy.class);
        assertThat(client.getLifecycleService().isRunning()).isFalse();
        assertThat(cluster.member(0).getMap("from-client").get("key")).isEqualTo("value");
    }

    @Test
    void destroyCache_preExistingMap_keepsItsDataUnlessOptedIn() {
        cluster.member(0).getMap("pre-existing").put("key", "value");
        CacheManager keeping = cluster.cacheManager(cluster.member(0));
        keeping.getCache("pre-existing");

        keeping.destroyCache("pre-existing");

        assertThat(cluster.member(1).getMap("pre-existing").get("key")).isEqualTo("value");
        Properties optIn = new Properties();
        optIn.setProperty(ProviderProperties.DESTROY_EXISTING_MAPS, "true");
        CacheManager destroying = cluster.cacheManager(cluster.member(1), optIn);
        destroying.getCache("pre-existing");
        destroying.destroyCache("pre-existing");
        assertThat(cluster.member(0).getMap("pre-existing").size()).isZero();
    }

    @Test
    void nearCache_onAClient_servesReadsAndSeesUpdatesFromMembers() {
        Properties nearCache = new Properties();
        nearCache.setProperty(ProviderProperties.NEAR_CACHE, "true");
        CacheManager member = cluster.cacheManager(cluster.member(0));
        CacheManager client = cluster.cacheManager(cluster.client(), nearCache);
        Cache<String, String> written = member.createCache("near", new MutableConfiguration<>());
        written.put("key", "one");
        Cache<String, String> read = client.getCache("near");

        assertThat(read.get("key")).isEqualTo("one");
        assertThat(read.get("key")).isEqualTo("one");
        written.put("key", "two");

        await().atMost(Duration.ofSeconds(30)).until(() -> "two".equals(read.get("key")));
        @SuppressWarnings("unchecked")
        IMap<String, String> map = read.unwrap(IMap.class);
        assertThat(map.getLocalMapStats().getNearCacheStats().getHits()).isPositive();
    }

    @Test
    void clientStartedByTheProvider_backupNeverAcknowledges_putFailsInsteadOfSucceeding(@TempDir Path directory)
            throws IOException {
        CacheManager manager = clientManager(directory, "fails-by-default", "");
        Cache<String, String> cache = manager.createCache("indeterminate", new MutableConfiguration<>());

        try (StalledBackups stalled = StalledBackups.of(cache, "key")) {
            assertThatThrownBy(() -> cache.put("key", "unconfirmed"))
                    .isInstanceOf(CacheException.class)
                    .cause()
                    .isInstanceOf(IndeterminateOperationStateException.class);
        } finally {
            manager.close();
        }
    }

    @Test
    void clientStartedByTheProvider_userSetFailOnIndeterminateFalse_putSucceedsWithoutBackup(@TempDir Path directory)
            throws IOException {
        CacheManager manager =
                clientManager(directory, "user-choice", "    " + IndeterminateWrites.CLIENT_PROPERTY + ": false\n");
        Cache<String, String> cache = manager.createCache("determinate-by-choice", new MutableConfiguration<>());

        try (StalledBackups stalled = StalledBackups.of(cache, "key")) {
            cache.put("key", "owner only");
            assertThat(cache.get("key")).isEqualTo("owner only");
        } finally {
            manager.close();
        }
    }

    /** A client the provider starts from a YAML file, whose backup acknowledgements time out after 1 s. */
    private CacheManager clientManager(Path directory, String name, String extraProperties) throws IOException {
        Path yaml = directory.resolve(name + ".yaml");
        Files.writeString(
                yaml,
                "hazelcast-client:\n  cluster-name: " + cluster.clusterName() + "\n  network:\n    cluster-members:\n"
                        + "      - " + cluster.addresses().get(0) + "\n"
                        + "  properties:\n    hazelcast.client.operation.backup.timeout.millis: 1000\n"
                        + extraProperties);
        Properties properties = new Properties();
        properties.setProperty(ProviderProperties.CONFIG_LOCATION, yaml.toString());
        properties.setProperty(ProviderProperties.MODE, "client");
        return cluster.provider()
                .getCacheManager(URI.create("gridkeeper:" + name), getClass().getClassLoader(), properties);
    }

    /**
     * Holds the partition thread of a key's backup replica: an entry processor whose backup part waits until closed,
     * so every later backup of that partition waits behind it and its acknowledgement times out. The members run in
     * this JVM, so the processor finds its latches by id.
     */
    private static final class StalledBackups implements AutoCloseable {

        private static final Map<String, CountDownLatch[]> LATCHES = new ConcurrentHashMap<>();

        private final String id;

        private StalledBackups(String id) {
            this.id = id;
        }

        private static StalledBackups of(Cache<String, String> cache, String key) {
            String id = UUID.randomUUID().toString();
            CountDownLatch stalled = new CountDownLatch(1);
            LATCHES.put(id, new CountDownLatch[] {stalled, new CountDownLatch(1)});
            @SuppressWarnings("unchecked")
            IMap<String, String> map = cache.unwrap(IMap.class);
            map.submitToKey(key, new StallingProcessor(id));
            await("backup replica stalled").atMost(Duration.ofSeconds(30)).until(() -> stalled.getCount() == 0);
            return new StalledBackups(id);
        }

        @Override
        public void close() {
            LATCHES.remove(id)[1].countDown();
        }
    }

    /** Does nothing on the owner; its backup holds the partition thread until {@link StalledBackups#close()}. */
    private record StallingProcessor(String id) implements EntryProcessor<String, String, Object> {

        @Override
        public Object process(Map.Entry<String, String> entry) {
            return id;
        }

        @Override
        public EntryProcessor<String, String, Object> getBackupProcessor() {
            return new StallingBackup(id);
        }
    }

    private record StallingBackup(String id) implements EntryProcessor<String, String, Object> {

        @Override
        public @Nullable Object process(Map.Entry<String, String> entry) {
            CountDownLatch[] latches = StalledBackups.LATCHES.get(id);
            if (latches != null) {
                latches[0].countDown();
                try {
                    latches[1].await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }
    }
}
