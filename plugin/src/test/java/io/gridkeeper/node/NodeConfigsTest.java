package io.gridkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.PartitionGroupConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NodeConfigsTest {

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @Test
    void load_noFileNoFlags_joinsOnlyThroughZookeeperWithLauncherDefaults() {
        Config config = NodeConfigs.load(settings(null, null, null, null));

        JoinConfig join = config.getNetworkConfig().getJoin();
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getDiscoveryConfig().getDiscoveryStrategyConfigs())
                .singleElement()
                .extracting(DiscoveryStrategyConfig::getClassName)
                .isEqualTo("io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy");
        assertThat(config.getProperty("hazelcast.discovery.enabled")).isEqualTo("true");
        assertThat(config.getProperty("hazelcast.shutdownhook.enabled")).isEqualTo("false");
        assertThat(config.getProperty("hazelcast.logging.type")).isEqualTo("slf4j");
        assertThat(config.getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("1");
        assertThat(join.getTcpIpConfig().getConnectionTimeoutSeconds()).isEqualTo(1);
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(NodeSettings.DEFAULT_PORT);
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isTrue();
        assertThat(config.getPartitionGroupConfig().isEnabled()).isFalse();
        assertThat(NodeConfigs.connectString(config, settings(null, null, null, null), NO_ENVIRONMENT))
                .isEmpty();
    }

    @Test
    void load_flags_overrideTheFileAndFillTheStrategy(@TempDir Path dir) throws IOException {
        Path file = yaml(dir, """
                hazelcast:
                  cluster-name: from-file
                  properties:
                    hazelcast.wait.seconds.before.join: 3
                  network:
                    port:
                      port: 6000
                    join:
                      discovery-strategies:
                        discovery-strategies:
                          - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy
                            enabled: true
                            properties:
                              connect-string: zk-from-file:2181
                              rack: r1
                """);
        NodeSettings settings = new NodeSettings(
                file, null, 21810, "from-flag", "cid", "/base", "z1", null, "n1", 7000, "10.0.0.1:7000");

        Config config = NodeConfigs.load(settings);

        assertThat(config.getClusterName()).isEqualTo("from-flag");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(7000);
        assertThat(config.getNetworkConfig().getPublicAddress()).isEqualTo("10.0.0.1:7000");
        assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled())
                .isFalse();
        assertThat(config.getProperty("hazelcast.wait.seconds.before.join")).isEqualTo("3");
        assertThat(config.getPartitionGroupConfig().getGroupType())
                .isEqualTo(PartitionGroupConfig.MemberGroupType.ZONE_AWARE);
        DiscoveryStrategyConfig strategy = config.getNetworkConfig()
                .getJoin()
                .getDiscoveryConfig()
                .getDiscoveryStrategyConfigs()
                .iterator()
                .next();
        assertThat(strategy.getProperties())
                .containsAllEntriesOf(Map.of(
                        "connect-string", "zk-from-file:2181",
                        "rack", "r1",
                        "cluster-id", "cid",
                        "base-path", "/base",
                        "zone", "z1",
                        "node-id", "n1",
                        "public-address", "10.0.0.1:7000"));
        assertThat(NodeConfigs.connectString(config, settings, NO_ENVIRONMENT)).contains("zk-from-file:2181");
    }

    @Test
    void load_fileJoiningByTcpIp_switchedToZookeeperDiscovery(@TempDir Path dir) throws IOException {
        Path file = yaml(dir, """
                hazelcast:
                  network:
                    join:
                      multicast:
                        enabled: false
                      tcp-ip:
                        enabled: true
                        member-list: [127.0.0.1]
                """);

        Config config =
                NodeConfigs.load(new NodeSettings(file, null, 21810, null, null, null, null, null, null, null, null));

        JoinConfig join = config.getNetworkConfig().getJoin();
        assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
        assertThat(join.getDiscoveryConfig().getDiscoveryStrategyConfigs()).hasSize(1);
    }

    @Test
    void connectString_flag_winsOverFileAndEnvironment(@TempDir Path dir) throws IOException {
        Path file = yaml(dir, """
                hazelcast:
                  network:
                    join:
                      discovery-strategies:
                        discovery-strategies:
                          - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory
                            enabled: true
                            properties:
                              zookeeper_url: legacy:2181
                """);
        NodeSettings fromFlag =
                new NodeSettings(file, "flag:2181", 21810, null, null, null, null, null, null, null, null);
        NodeSettings fromFile = new NodeSettings(file, null, 21810, null, null, null, null, null, null, null, null);

        assertThat(NodeConfigs.connectString(NodeConfigs.load(fromFlag), fromFlag, NO_ENVIRONMENT))
                .contains("flag:2181");
        assertThat(NodeConfigs.connectString(NodeConfigs.load(fromFile), fromFile, NO_ENVIRONMENT))
                .contains("legacy:2181");
    }

    @Test
    void connectString_discoveryEnvironmentVariable_disablesDevMode() {
        NodeSettings settings = settings(null, null, null, null);

        assertThat(NodeConfigs.connectString(
                        NodeConfigs.load(settings),
                        settings,
                        name -> name.equals("GRIDKEEPER_ZOOKEEPER_CONNECT_STRING") ? "env:2181" : null))
                .contains("env:2181");
    }

    @Test
    void useZookeeper_legacyKeyInFile_replacedByConnectString(@TempDir Path dir) throws IOException {
        Path file = yaml(dir, """
                hazelcast:
                  network:
                    join:
                      discovery-strategies:
                        discovery-strategies:
                          - class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory
                            enabled: true
                            properties:
                              zookeeper_url: legacy:2181
                """);
        Config config =
                NodeConfigs.load(new NodeSettings(file, null, 21810, null, null, null, null, null, null, null, null));

        NodeConfigs.useZookeeper(config, "127.0.0.1:21810");

        assertThat(config.getNetworkConfig()
                        .getJoin()
                        .getDiscoveryConfig()
                        .getDiscoveryStrategyConfigs()
                        .iterator()
                        .next()
                        .getProperties())
                .containsEntry("connect-string", "127.0.0.1:21810")
                .doesNotContainKey("zookeeper_url");
    }

    @Test
    void load_invalidFile_failsNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = yaml(dir, "hazelcast:\n  no-such-section: 1\n");

        assertThatThrownBy(() -> NodeConfigs.load(
                        new NodeSettings(file, null, 21810, null, null, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Config file [" + file + "] is not a valid Hazelcast configuration");
    }

    private static NodeSettings settings(
            @Nullable String connectString,
            @Nullable String clusterName,
            @Nullable String zone,
            @Nullable Integer port) {
        return new NodeSettings(null, connectString, 21810, clusterName, null, null, zone, null, null, port, null);
    }

    private static Path yaml(Path dir, String content) throws IOException {
        return Files.writeString(dir.resolve("hazelcast.yaml"), content);
    }
}
