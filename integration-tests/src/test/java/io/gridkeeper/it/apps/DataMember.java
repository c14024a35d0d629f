package io.gridkeeper.it.apps;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.util.Map;

/**
 * A plain Hazelcast member in this JVM that registers in ZooKeeper (Gridkeeper's discovery) and holds the data of
 * example apps running as clients. {@link #close()} terminates it.
 */
public final class DataMember implements AutoCloseable {

    private final HazelcastInstance instance;

    private DataMember(HazelcastInstance instance) {
        this.instance = instance;
    }

    /** Starts a member of cluster {@code clusterName} on a free port, registered in the ZooKeeper at connectString. */
    public static DataMember start(String clusterName, String connectString) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getNetworkConfig().setPort(FreePorts.next()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", connectString)));
        return new DataMember(Hazelcast.newHazelcastInstance(config));
    }

    public HazelcastInstance instance() {
        return instance;
    }

    /** The IMap behind the Gridkeeper cache {@code cacheName} (a cache is a view over the IMap of its name). */
    public <K, V> IMap<K, V> cacheMap(String cacheName) {
        return instance.getMap(cacheName);
    }

    @Override
    public void close() {
        instance.getLifecycleService().terminate();
    }
}
