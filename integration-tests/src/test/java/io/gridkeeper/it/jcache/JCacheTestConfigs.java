package io.gridkeeper.it.jcache;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import io.gridkeeper.it.fixture.FreePorts;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.util.Map;

/**
 * Member and client configurations of the JCache tests, which find each other through ZooKeeper discovery. In a
 * client YAML, Hazelcast matches {@code class} against the strategy type a factory names
 * ({@code ZookeeperDiscoveryStrategy}), not against the factory class.
 */
public final class JCacheTestConfigs {

    private JCacheTestConfigs() {}

    /** A client configuration finding cluster {@code clusterName} through ZooKeeper at {@code connectString}. */
    public static String yaml(String clusterName, String connectString) {
        return String.join(
                "\n",
                "hazelcast-client:",
                "  cluster-name: " + clusterName,
                "  properties:",
                "    hazelcast.discovery.enabled: true",
                "  network:",
                "    discovery-strategies:",
                "      discovery-strategies:",
                "        - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy",
                "          enabled: true",
                "          properties:",
                "            connect-string: " + connectString,
                "");
    }

    /** A member of {@code clusterName} on a free port that joins through ZooKeeper at {@code connectString}. */
    public static Config memberConfig(String clusterName, String connectString) {
        Config config = new Config().setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getNetworkConfig().setPort(FreePorts.next()).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(false);
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", connectString)));
        return config;
    }
}
