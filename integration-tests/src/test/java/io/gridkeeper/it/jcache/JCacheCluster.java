package io.gridkeeper.it.jcache;

import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.Partition;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import javax.cache.CacheManager;

/**
 * Members in this JVM on free ports with a unique cluster name, joined by TCP/IP, plus clients on demand, and one
 * cache manager per instance from a private {@link GridkeeperCachingProvider}.
 *
 * <p>Not thread-safe; {@link #close()} closes the provider, then clients, then members.
 */
final class JCacheCluster implements AutoCloseable {

    private final String clusterName = "gridkeeper-jcache-it-" + UUID.randomUUID();
    private final List<String> addresses = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<HazelcastInstance> clients = new ArrayList<>();
    private final GridkeeperCachingProvider provider = new GridkeeperCachingProvider();

    private JCacheCluster() {}

    /** Starts {@code size} members. */
    static JCacheCluster start(int size) {
        JCacheCluster cluster = new JCacheCluster();
        for (int i = 0; i < size; i++) {
            cluster.addresses.add("127.0.0.1:" + FreePorts.next());
        }
        for (String address : cluster.addresses) {
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            Config config = new Config().setClusterName(cluster.clusterName);
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.wait.seconds.before.join", "1");
            // near caches learn of other members' changes in batches, every 10 s by default: 1 s keeps tests short
            config.setProperty("hazelcast.map.invalidation.batchfrequency.seconds", "1");
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getAutoDetectionConfig().setEnabled(false);
            join.getMulticastConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(true).setMembers(cluster.addresses);
            cluster.members.add(Hazelcast.newHazelcastInstance(config));
        }
        return cluster;
    }

    HazelcastInstance member(int index) {
        return members.get(index);
    }

    /**
     * {@code perMember} keys {@code <prefix><n>} whose partitions each member owns, so that an operation on all of them
     * spans every member (ownership as of the call; migrations only move keys between members).
     */
    List<String> keysOwnedByEveryMember(String prefix, int perMember) {
        Map<Member, Integer> counts = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int n = 0; keys.size() < perMember * members.size(); n++) {
            String key = prefix + n;
            Partition partition = members.get(0).getPartitionService().getPartition(key);
            Member owner = await().atMost(Duration.ofSeconds(30)).until(partition::getOwner, Objects::nonNull);
            if (counts.merge(owner, 1, Integer::sum) <= perMember) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A new client of the cluster. */
    HazelcastInstance client() {
        ClientConfig config = new ClientConfig().setClusterName(clusterName);
        config.getNetworkConfig().setAddresses(addresses);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        clients.add(client);
        return client;
    }

    String clusterName() {
        return clusterName;
    }

    List<String> addresses() {
        return addresses;
    }

    GridkeeperCachingProvider provider() {
        return provider;
    }

    /** A cache manager over the given member or client (reused, never shut down by the provider). */
    CacheManager cacheManager(HazelcastInstance instance) {
        return cacheManager(instance, new Properties());
    }

    /** A cache manager over the given member or client with extra properties. */
    CacheManager cacheManager(HazelcastInstance instance, Properties properties) {
        Properties withInstance = new Properties();
        withInstance.putAll(properties);
        withInstance.put(ProviderProperties.INSTANCE_ITSELF, instance);
        return provider.getCacheManager(
                URI.create("gridkeeper:" + instance.getName() + "-" + properties.hashCode()),
                getClass().getClassLoader(),
                withInstance);
    }

    @Override
    public void close() {
        provider.close();
        clients.forEach(HazelcastInstance::shutdown);
        members.forEach(HazelcastInstance::shutdown);
    }
}
