package io.gridkeeper.cli;

import io.gridkeeper.zookeeper.embedded.EmbeddedZookeeper;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where the cluster is: options shared by every command that talks to ZooKeeper (a picocli mixin). */
public final class ClusterOptions {

    /** Hazelcast's default cluster name, also the default cluster id. */
    public static final String DEFAULT_CLUSTER_NAME = "dev";

    /** The discovery strategy's default root znode. */
    public static final String DEFAULT_BASE_PATH = "/gridkeeper";

    @Option(
            names = "--zookeeper",
            paramLabel = "CONNECT",
            defaultValue = "${env:GRIDKEEPER_ZOOKEEPER}",
            description = "ZooKeeper connect string host:port[,host:port...][/chroot] (env GRIDKEEPER_ZOOKEEPER)."
                    + " Default: none, which means DEV MODE: the development ZooKeeper on 127.0.0.1.")
    @Nullable
    String zookeeper;

    @Option(
            names = "--dev-zookeeper-port",
            paramLabel = "PORT",
            defaultValue = "${env:GRIDKEEPER_DEV_ZOOKEEPER_PORT:-" + EmbeddedZookeeper.DEFAULT_DEV_PORT + "}",
            description = "Port of the development ZooKeeper on 127.0.0.1, used only without --zookeeper"
                    + " (env GRIDKEEPER_DEV_ZOOKEEPER_PORT). Default: ${DEFAULT-VALUE}.")
    int devZookeeperPort;

    @Option(
            names = "--cluster-name",
            paramLabel = "NAME",
            defaultValue = "${env:GRIDKEEPER_CLUSTER_NAME}",
            description = "Hazelcast cluster name (env GRIDKEEPER_CLUSTER_NAME). Default: the config file's, else "
                    + DEFAULT_CLUSTER_NAME + ".")
    @Nullable
    String clusterName;

    @Option(
            names = "--cluster-id",
            paramLabel = "ID",
            defaultValue = "${env:GRIDKEEPER_CLUSTER_ID}",
            description = "The cluster's znode under the base path (env GRIDKEEPER_CLUSTER_ID). Default: the cluster"
                    + " name.")
    @Nullable
    String clusterId;

    @Option(
            names = "--base-path",
            paramLabel = "ZNODE",
            defaultValue = "${env:GRIDKEEPER_BASE_PATH}",
            description = "Root znode of all Gridkeeper clusters (env GRIDKEEPER_BASE_PATH). Default: "
                    + DEFAULT_BASE_PATH + ".")
    @Nullable
    String basePath;

    /** The connect string to use: the configured one, or the dev ZooKeeper's. */
    String connectStringOrDev() {
        return zookeeper != null ? zookeeper : "127.0.0.1:" + devZookeeperPort;
    }

    String clusterNameOrDefault() {
        return clusterName != null ? clusterName : DEFAULT_CLUSTER_NAME;
    }

    String clusterIdOrDefault() {
        return clusterId != null ? clusterId : clusterNameOrDefault();
    }

    String basePathOrDefault() {
        return basePath != null ? basePath : DEFAULT_BASE_PATH;
    }

    /** {@code <base-path>/<cluster-id>}, as the discovery strategy builds it. */
    String clusterPath() {
        String base = basePathOrDefault();
        return base.equals("/") ? "/" + clusterIdOrDefault() : base + "/" + clusterIdOrDefault();
    }
}
