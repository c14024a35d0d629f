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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Members in this JVM on free ports with a unique cluster name, joined by TCP/IP, plus clients on demand, and one
 * cache manager per instance from a private {@link GridkeeperCachingProvider}.
 *
 * <p>One cluster per test class, as a JUnit extension: {@code @RegisterExtension static final JCacheCluster cluster =
 * JCacheCluster.perClass(2);} starts the members before the class's {@code @BeforeAll} methods and {@link #close()}s
 * everything after its {@code @AfterAll} methods. Not thread-safe; {@link #close()} closes the provider, then
 * clients, then members.
 */
final class JCacheCluster implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final int size;
    private final String clusterName = "gridkeeper-jcache-it-" + UUID.randomUUID();
    private final List<String> addresses = new ArrayList<>();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<HazelcastInstance> clients = new ArrayList<>();
    private final GridkeeperCachingProvider provider = new GridkeeperCachingProvider();

    private JCacheCluster(int size) {
        this.size = size;
    }

    /** A cluster of {@code size} members that starts before the tests of the class registering it, stops after. */
    static JCacheCluster perClass(int size) {
        return new JCacheCluster(size);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!members.isEmpty()) {
            throw new IllegalStateException("cluster " + clusterName + " already started for "
                    + context.getDisplayName() + ": register it on one test class, without @Nested classes");
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void start() {
        for (int i = 0; i < size; i++) {
            addresses.add("127.0.0.1:" + FreePorts.next());
        }
        for (String address : addresses) {
            int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
            Config config = new Config().setClusterName(clusterName);
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.wait.seconds.before.join", "1");
            // near caches learn of other members' changes in batches, every 10 s by default: 1 s keeps tests short
            config.setProperty("hazelcast.map.invalidation.batchfrequency.seconds", "1");
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getAutoDetectionConfig().setEnabled(false);
            join.getMulticastConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(true).setMembers(addresses);
            members.add(Hazelcast.newHazelcastInstance(config));
        }
    }

    HazelcastInstance member(int index) {
        if (members.isEmpty()) {
            throw new IllegalStateException(
                    "cluster " + clusterName + " not started: register it as a static @RegisterExtension field");
        }
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

    /** The cache manager over member {@code index}, without extra properties (the same one until it is closed). */
    CacheManager manager(int index) {
        return cacheManager(member(index));
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
