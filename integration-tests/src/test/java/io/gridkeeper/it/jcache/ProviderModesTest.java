package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the provider finds its Hazelcast instance, and what closing and destroying leave behind. */
final class ProviderModesTest {

    private static JCacheCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = JCacheCluster.start(2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

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
}
