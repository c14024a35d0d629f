package io.gridkeeper.zookeeper;

import com.hazelcast.config.properties.PropertyDefinition;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.discovery.DiscoveryNode;
import com.hazelcast.spi.discovery.DiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryStrategyFactory;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hazelcast Discovery SPI entry point: members and clients find each other through ZooKeeper.
 *
 * <p>Registered in {@code META-INF/services/com.hazelcast.spi.discovery.DiscoveryStrategyFactory}; configure it
 * under {@code hazelcast.network.join.discovery-strategies} (members) or {@code hazelcast-client.network
 * .discovery-strategies} (clients) with {@code class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy} (Hazelcast
 * matches that name against {@link #getDiscoveryStrategyType()}), or programmatically with {@code new DiscoveryStrategyConfig(new ZookeeperDiscoveryStrategyFactory(), props)}.
 * The properties are listed in {@link ZookeeperDiscoveryProperties}. On members the strategy registers the member;
 * on clients (no {@link DiscoveryNode}) it only reads the registry.
 */
public final class ZookeeperDiscoveryStrategyFactory implements DiscoveryStrategyFactory {

    @Override
    public Class<? extends DiscoveryStrategy> getDiscoveryStrategyType() {
        return ZookeeperDiscoveryStrategy.class;
    }

    @Override
    public DiscoveryStrategy newDiscoveryStrategy(
            @Nullable DiscoveryNode discoveryNode, ILogger logger, Map<String, Comparable> properties) {
        return new ZookeeperDiscoveryStrategy(discoveryNode, logger, properties);
    }

    @Override
    public Collection<PropertyDefinition> getConfigurationProperties() {
        return ZookeeperDiscoveryProperties.ALL;
    }
}
