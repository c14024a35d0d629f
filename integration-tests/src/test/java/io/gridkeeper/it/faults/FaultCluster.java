package io.gridkeeper.it.faults;

import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.MemberJvm;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.apache.curator.framework.CuratorFramework;

/**
 * A ZooKeeper ensemble of 3, member JVMs by node id (a restarted member keeps its node id), and a Hazelcast client
 * in this JVM under a Gridkeeper JCache {@link CacheManager} with one cache, {@value #CACHE}.
 */
final class FaultCluster implements AutoCloseable {

    static final String CACHE = "ledger";

    final ZookeeperFixture zookeeper = ZookeeperFixture.ensemble(3);
    final String name = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    final String clusterPath = "/gridkeeper/" + name;
    final CuratorFramework observer = zookeeper.newClient();

    private final Map<String, MemberJvm> members = new LinkedHashMap<>();
    private final GridkeeperCachingProvider provider = new GridkeeperCachingProvider();
    private HazelcastInstance client;
    private Cache<String, Long> cache;

    /** Starts a member JVM with this node id and waits until it runs. */
    MemberJvm startMember(String nodeId) {
        MemberJvm member = MemberJvm.member(nodeId + "-" + name, zookeeper.connectString(), name)
                .systemProperty("gridkeeper.zookeeper.node-id", nodeId)
                .systemProperty("gridkeeper.zookeeper.session-timeout-seconds", "10")
                .systemProperty("hazelcast.phone.home.enabled", "false")
                // member ports come from the ephemeral range: a reconnect to a killed member's port can connect to
                // itself (TCP self-connect, seen as "Connecting to self!"), so the dead member would never be
                // removed through a refused connection; the heartbeat timeout removes it anyway
                .systemProperty("hazelcast.max.no.heartbeat.seconds", "15")
                .jvmOption("-Xmx256m")
                .jvmOption("-XX:TieredStopAtLevel=1")
                .build()
                .start();
        members.put(nodeId, member);
        member.awaitReady(Duration.ofSeconds(120));
        return member;
    }

    MemberJvm member(String nodeId) {
        return members.get(nodeId);
    }

    /** The client and the JCache cache the writers use. */
    Cache<String, Long> cache() {
        if (cache == null) {
            ClientConfig config = new ClientConfig().setClusterName(name);
            config.setProperty("hazelcast.discovery.enabled", "true");
            config.setProperty("hazelcast.phone.home.enabled", "false");
            // A write whose backup ack did not reach the client in time fails instead of counting as acknowledged:
            // it may exist only on the owner, and a kill of the owner then loses it (README > reliability)
            config.setProperty("hazelcast.client.operation.fail.on.indeterminate.state", "true");
            config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
            config.getNetworkConfig()
                    .getDiscoveryConfig()
                    .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                            new ZookeeperDiscoveryStrategyFactory(),
                            Map.of("connect-string", zookeeper.connectString())));
            config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(-1);
            client = HazelcastClient.newHazelcastClient(config);
            Properties properties = new Properties();
            properties.put(ProviderProperties.INSTANCE_ITSELF, client);
            CacheManager manager = provider.getCacheManager(
                    URI.create("gridkeeper:" + name), getClass().getClassLoader(), properties);
            cache = manager.createCache(
                    CACHE, new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
        }
        return cache;
    }

    /** Hazelcast members the client sees. */
    int clientMembers() {
        return client.getCluster().getMembers().size();
    }

    /** Whether a member reports every partition with all its backups; false while it cannot tell. */
    boolean clusterSafe() {
        return SafetyProbe.clusterSafe(client);
    }

    /** Node ids registered in ZooKeeper (empty while ZooKeeper cannot answer). */
    List<String> registered() {
        try {
            return observer.getChildren().forPath(clusterPath + "/members");
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Waits until the client sees {@code size} members, all registered, and every backup is in place. */
    void awaitHealthy(int size) {
        await("cluster " + name + " with " + size + " members, registered and safe")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> clientMembers() == size && registered().size() == size && clusterSafe());
    }

    /**
     * Starts a member JVM for each node id, then the client and its cache, and waits until the cluster is healthy;
     * returns the cache.
     */
    Cache<String, Long> startHealthy(List<String> nodeIds) {
        nodeIds.forEach(this::startMember);
        Cache<String, Long> started = cache();
        awaitHealthy(nodeIds.size());
        return started;
    }

    /** Waits until a leader has taken an epoch and returns the latest one. */
    Epochs awaitEpochs() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Epochs.read(observer, clusterPath).isPresent());
        return Epochs.read(observer, clusterPath).orElseThrow();
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        try {
            provider.close();
            if (client != null) {
                client.shutdown();
            }
        } catch (RuntimeException e) {
            failures.add(e);
        }
        List<MemberJvm> running = new ArrayList<>(members.values());
        java.util.Collections.reverse(running);
        for (MemberJvm member : running) {
            try {
                member.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        zookeeper.close();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("closing fault cluster " + name + " failed");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
