package io.gridkeeper.it.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client mode as deployed: the provider starts a client that finds the members through ZooKeeper discovery. */
final class ZookeeperClientModeTest {

    @Test
    void clientMode_clusterFoundThroughZookeeper_cachesAreTheMembersMaps(@TempDir Path directory) throws IOException {
        String clusterName = "gridkeeper-jcache-zk-" + UUID.randomUUID();
        try (ZookeeperFixture zookeeper = ZookeeperFixture.single()) {
            List<HazelcastInstance> members = new ArrayList<>();
            GridkeeperCachingProvider provider = new GridkeeperCachingProvider();
            try {
                for (int i = 0; i < 2; i++) {
                    members.add(Hazelcast.newHazelcastInstance(
                            JCacheTestConfigs.memberConfig(clusterName, zookeeper.connectString())));
                }
                Path yaml = directory.resolve("client.yaml");
                Files.writeString(yaml, JCacheTestConfigs.yaml(clusterName, zookeeper.connectString()));
                Properties properties = new Properties();
                properties.setProperty(ProviderProperties.MODE, "client");
                properties.setProperty(ProviderProperties.CONFIG_LOCATION, yaml.toString());

                CacheManager manager = provider.getCacheManager(
                        URI.create("gridkeeper:zk-client"), getClass().getClassLoader(), properties);
                manager.createCache("zk-cache", new MutableConfiguration<String, String>())
                        .put("key", "value");

                assertThat(members.get(1).getMap("zk-cache").get("key")).isEqualTo("value");
            } finally {
                // members and the client leave before ZooKeeper stops
                provider.close();
                members.forEach(HazelcastInstance::shutdown);
            }
        }
    }
}
