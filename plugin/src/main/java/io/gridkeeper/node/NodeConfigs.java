package io.gridkeeper.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryConfig;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.PartitionGroupConfig;
import java.io.FileNotFoundException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Builds the member's Hazelcast {@link Config} from the launcher's settings: the config file (if any), then the
 * launcher's defaults for what the file leaves open, then the flags, which always win. Joining is always through
 * ZooKeeper discovery; any other join method in the file is switched off.
 */
final class NodeConfigs {

    /**
     * The class name under which the ZooKeeper strategy is configured, as a user would in hazelcast.yaml. Hazelcast
     * matches it against each factory's {@code getDiscoveryStrategyType()}, so it is the strategy's class name, not
     * the factory's.
     */
    static final String STRATEGY_CLASS = "io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy";

    /** The factory's class name: accepted in a config file too (and replaced by {@link #STRATEGY_CLASS}). */
    static final String FACTORY_CLASS = "io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory";

    static final String CONNECT_STRING = "connect-string";
    static final String LEGACY_CONNECT_STRING = "zookeeper_url";
    /** How the discovery strategy itself reads a connect string from a system property or the environment. */
    static final String CONNECT_STRING_SYSTEM_PROPERTY = "gridkeeper.zookeeper.connect-string";

    static final String CONNECT_STRING_ENV = "GRIDKEEPER_ZOOKEEPER_CONNECT_STRING";

    /**
     * The master waits this long for more joiners before it admits a batch (Hazelcast's default is 5 s). ZooKeeper
     * tells a starting member exactly who is alive, so batching buys little; 1 s still admits simultaneous starters
     * together.
     */
    static final String WAIT_SECONDS_BEFORE_JOIN = "1";

    /**
     * How long members that start together ask each other for a master before the one with the lowest address claims
     * mastership (Hazelcast's TCP-IP {@code connection-timeout-seconds}, 5 by default, which its discovery joiner
     * reuses). ZooKeeper has already told each of them that the others are alive, so waiting longer buys nothing.
     */
    static final int MASTER_QUESTION_SECONDS = 1;

    /** Hazelcast's default TCP-IP {@code connection-timeout-seconds}: a config file that keeps it gets ours. */
    private static final int HAZELCAST_CONNECTION_TIMEOUT_SECONDS = 5;

    private NodeConfigs() {}

    /** The config file (or an empty config) with the launcher's defaults and flags applied; no ZooKeeper yet. */
    static Config load(NodeSettings settings) {
        Config config = settings.configFile() == null ? new Config() : loadFile(settings);
        boolean fromFile = settings.configFile() != null;
        setPropertyIfAbsent(config, "hazelcast.logging.type", "slf4j");
        setPropertyIfAbsent(config, "hazelcast.wait.seconds.before.join", WAIT_SECONDS_BEFORE_JOIN);
        // The launcher installs its own shutdown hook that shuts the member down gracefully.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.discovery.enabled", "true");
        if (settings.clusterName() != null) {
            config.setClusterName(settings.clusterName());
        }
        if (settings.port() != null) {
            config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(true);
        }
        if (settings.publicAddress() != null) {
            config.getNetworkConfig().setPublicAddress(settings.publicAddress());
        }
        PartitionGroupConfig partitionGroup = config.getPartitionGroupConfig();
        if (settings.zone() != null && !(fromFile && partitionGroup.isEnabled())) {
            partitionGroup.setEnabled(true).setGroupType(PartitionGroupConfig.MemberGroupType.ZONE_AWARE);
        }
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        if (!fromFile || join.getTcpIpConfig().getConnectionTimeoutSeconds() == HAZELCAST_CONNECTION_TIMEOUT_SECONDS) {
            // Hazelcast's discovery joiner reuses this TCP-IP setting (even with TCP-IP off) as the time members that
            // start together ask each other for a master before one claims mastership; see the constant.
            join.getTcpIpConfig().setConnectionTimeoutSeconds(MASTER_QUESTION_SECONDS);
        }
        join.getAutoDetectionConfig().setEnabled(false);
        DiscoveryStrategyConfig strategy = strategy(join.getDiscoveryConfig());
        settings.discoveryProperties().forEach(strategy::addProperty);
        return config;
    }

    /**
     * The connect string configured anywhere: the flag, the file's strategy properties, or the system property /
     * environment variable the discovery strategy reads itself. Empty means dev mode.
     */
    static Optional<String> connectString(Config config, NodeSettings settings, UnaryOperator<String> environment) {
        if (settings.connectString() != null) {
            return Optional.of(settings.connectString());
        }
        DiscoveryStrategyConfig strategy =
                strategy(config.getNetworkConfig().getJoin().getDiscoveryConfig());
        return firstNonBlank(
                strategy.getProperties().get(CONNECT_STRING),
                strategy.getProperties().get(LEGACY_CONNECT_STRING),
                System.getProperty(CONNECT_STRING_SYSTEM_PROPERTY),
                environment.apply(CONNECT_STRING_SYSTEM_PROPERTY),
                environment.apply(CONNECT_STRING_ENV));
    }

    /** Points the ZooKeeper discovery strategy at {@code connectString}. */
    static void useZookeeper(Config config, String connectString) {
        DiscoveryStrategyConfig strategy =
                strategy(config.getNetworkConfig().getJoin().getDiscoveryConfig());
        strategy.getProperties().remove(LEGACY_CONNECT_STRING);
        strategy.addProperty(CONNECT_STRING, connectString);
    }

    /** The ZooKeeper strategy of {@code discovery}, added when the file did not configure one. */
    private static DiscoveryStrategyConfig strategy(DiscoveryConfig discovery) {
        for (DiscoveryStrategyConfig existing : discovery.getDiscoveryStrategyConfigs()) {
            if (existing.getDiscoveryStrategyFactory() != null
                    && FACTORY_CLASS.equals(
                            existing.getDiscoveryStrategyFactory().getClass().getName())) {
                return existing;
            }
            if (STRATEGY_CLASS.equals(existing.getClassName()) || FACTORY_CLASS.equals(existing.getClassName())) {
                // Hazelcast looks strategies up by the strategy's class name; accept the factory's name as well.
                existing.setClassName(STRATEGY_CLASS);
                return existing;
            }
        }
        DiscoveryStrategyConfig added = new DiscoveryStrategyConfig(STRATEGY_CLASS);
        discovery.addDiscoveryStrategyConfig(added);
        return added;
    }

    private static Config loadFile(NodeSettings settings) {
        try {
            return Config.loadFromFile(settings.configFile().toFile());
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(
                    "Option '--config' must name a readable hazelcast.yaml/.xml but was [" + settings.configFile()
                            + "]",
                    e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Config file [" + settings.configFile() + "] is not a valid Hazelcast configuration: "
                            + e.getMessage(),
                    e);
        }
    }

    private static void setPropertyIfAbsent(Config config, String name, String value) {
        if (config.getProperty(name) == null && System.getProperty(name) == null) {
            config.setProperty(name, value);
        }
    }

    private static Optional<String> firstNonBlank(@Nullable Object... values) {
        for (Object value : values) {
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(value.toString());
            }
        }
        return Optional.empty();
    }
}
