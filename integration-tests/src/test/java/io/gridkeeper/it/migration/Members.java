package io.gridkeeper.it.migration;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.util.HashMap;
import java.util.Map;

/** Member configuration shared by in-JVM members and member JVMs: fast, isolated, ZooKeeper discovery, a policy. */
final class Members {

    static final String MAP = "data";
    /** Partition count of test clusters; the benchmark sets {@code -Dgridkeeper.it.partitions=271}. */
    static final int PARTITIONS = Integer.getInteger("gridkeeper.it.partitions", 71);

    private Members() {}

    static Config config(
            String connectString, String clusterName, String nodeId, int port, Map<String, String> policy) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.partition.count", String.valueOf(PARTITIONS));
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "30");
        policy.forEach((key, value) -> config.setProperty("gridkeeper.migration." + key, value));
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        Map<String, Comparable> properties = new HashMap<>();
        properties.put("connect-string", connectString);
        properties.put("node-id", nodeId);
        properties.put("session-timeout-seconds", "6");
        properties.put("connection-timeout-seconds", "3");
        properties.put("startup-timeout-seconds", "20");
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(
                        new DiscoveryStrategyConfig(new ZookeeperDiscoveryStrategyFactory(), properties));
        config.addMapConfig(new MapConfig(MAP).setBackupCount(1));
        config.getMetricsConfig().setCollectionFrequencySeconds(1);
        return config;
    }

    static int freePort() {
        return FreePorts.next();
    }
}
