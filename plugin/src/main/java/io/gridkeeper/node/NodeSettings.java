package io.gridkeeper.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the launcher was asked for, validated once. A null value means "not given": the config file's value (if any)
 * or the default applies.
 *
 * @param configFile a hazelcast.yaml/.xml to start from; flags override what it says
 * @param connectString ZooKeeper connect string; null means dev mode unless the config file or the discovery
 *     strategy's own system property/environment variable supplies one
 * @param devZookeeperPort the port of the embedded development ZooKeeper on 127.0.0.1
 * @param clusterName the Hazelcast cluster name
 * @param clusterId the cluster's znode name under the base path (discovery default: the cluster name)
 * @param basePath the root znode of all Gridkeeper clusters (discovery default: /gridkeeper)
 * @param zone this member's availability zone; enables ZONE_AWARE backups
 * @param rack this member's rack (placement)
 * @param nodeId this member's stable id (discovery default: its address host:port)
 * @param port the first port to try; the next ones are tried when it is taken
 * @param publicAddress the address other members and clients use to reach this one, host:port
 */
public record NodeSettings(
        @Nullable Path configFile,
        @Nullable String connectString,
        int devZookeeperPort,
        @Nullable String clusterName,
        @Nullable String clusterId,
        @Nullable String basePath,
        @Nullable String zone,
        @Nullable String rack,
        @Nullable String nodeId,
        @Nullable Integer port,
        @Nullable String publicAddress) {

    /** The default port of the first member, as Hazelcast's. */
    public static final int DEFAULT_PORT = 5701;

    public NodeSettings {
        if (configFile != null && !Files.isReadable(configFile)) {
            throw new IllegalArgumentException(
                    "Option '--config' must name a readable hazelcast.yaml/.xml but was [" + configFile + "]");
        }
        requireNotBlank("--zookeeper", connectString);
        requirePort("--dev-zookeeper-port", devZookeeperPort);
        requireNotBlank("--cluster-name", clusterName);
        requireNotBlank("--cluster-id", clusterId);
        requireNotBlank("--zone", zone);
        requireNotBlank("--rack", rack);
        requireNotBlank("--node-id", nodeId);
        if (port != null) {
            requirePort("--port", port);
        }
        if (basePath != null && !basePath.startsWith("/")) {
            throw new IllegalArgumentException(
                    "Option '--base-path' must be an absolute znode path like /gridkeeper but was [" + basePath + "]");
        }
        if (publicAddress != null && !publicAddress.matches("[^\\s:]+:\\d{1,5}")) {
            throw new IllegalArgumentException(
                    "Option '--public-address' must be host:port but was [" + publicAddress + "]");
        }
    }

    /** The discovery-strategy properties these settings fix (only what was given), connect string excluded. */
    Map<String, String> discoveryProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        putIfSet(properties, "cluster-id", clusterId);
        putIfSet(properties, "base-path", basePath);
        putIfSet(properties, "zone", zone);
        putIfSet(properties, "rack", rack);
        putIfSet(properties, "node-id", nodeId);
        putIfSet(properties, "public-address", publicAddress);
        return properties;
    }

    private static void putIfSet(Map<String, String> properties, String key, @Nullable String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    private static void requireNotBlank(String option, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException("Option '" + option + "' must not be blank but was [" + value + "]");
        }
    }

    private static void requirePort(String option, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Option '" + option + "' must be in [1, 65535] but was [" + port + "]");
        }
    }
}
