package io.gridkeeper.zookeeper;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Configures fast, isolated Hazelcast members and clients that discover each other through ZooKeeper. Public for the
 * tests in the {@code election} and {@code splitbrain} packages.
 */
public final class TestMembers {

    private TestMembers() {}

    public static String uniqueClusterName() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Comparable> properties(String connectString, Object... keyValues) {
        Map<String, Comparable> properties = new HashMap<>();
        properties.put("connect-string", connectString);
        properties.put("session-timeout-seconds", "6");
        properties.put("connection-timeout-seconds", "3");
        properties.put("startup-timeout-seconds", "15");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        return properties;
    }

    public static Config memberConfig(String clusterName, Map<String, Comparable> properties) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "10");
        config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(
                        new DiscoveryStrategyConfig(new ZookeeperDiscoveryStrategyFactory(), properties));
        return config;
    }

    public static HazelcastInstance member(String clusterName, Map<String, Comparable> properties) {
        return Hazelcast.newHazelcastInstance(memberConfig(clusterName, properties));
    }

    public static HazelcastInstance client(String clusterName, Map<String, Comparable> properties) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig()
                .getDiscoveryConfig()
                .addDiscoveryStrategyConfig(
                        new DiscoveryStrategyConfig(new ZookeeperDiscoveryStrategyFactory(), properties));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(30_000);
        return HazelcastClient.newHazelcastClient(config);
    }

    /** The node id {@code member} registered under. */
    public static String nodeId(HazelcastInstance member) {
        return ZookeeperMember.forInstance(member).orElseThrow().nodeId();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shuts instances down, ignoring ones already gone. */
    public static void shutdown(HazelcastInstance... instances) {
        for (HazelcastInstance instance : instances) {
            if (instance != null) {
                instance.getLifecycleService().terminate();
            }
        }
    }
}
