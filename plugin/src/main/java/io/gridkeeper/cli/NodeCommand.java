package io.gridkeeper.cli;

import io.gridkeeper.node.GridkeeperNode;
import io.gridkeeper.node.NodeSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gridkeeper node}: runs a Hazelcast member that joins through ZooKeeper until SIGTERM/Ctrl-C, which shuts it
 * down gracefully.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a Hazelcast member that finds its peers through ZooKeeper and runs until SIGTERM or Ctrl-C"
                    + " (graceful shutdown).",
            "Without --zookeeper (or GRIDKEEPER_ZOOKEEPER) it runs in DEV MODE: it serves a development ZooKeeper on"
                    + " 127.0.0.1:21810, or shares the one another dev node on this machine already serves.",
            "Start it twice on one machine to get a 2-member cluster."
        })
public final class NodeCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "${env:GRIDKEEPER_CONFIG}",
            description = "A hazelcast.yaml (or .xml) to start from; the flags below override it (env"
                    + " GRIDKEEPER_CONFIG). Default: Hazelcast's defaults.")
    @Nullable
    Path config;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "${env:GRIDKEEPER_PORT}",
            description = "First member port to try; the next ones are tried while taken (env GRIDKEEPER_PORT)."
                    + " Default: the config file's, else " + NodeSettings.DEFAULT_PORT + ".")
    @Nullable
    Integer port;

    @Option(
            names = "--public-address",
            paramLabel = "HOST:PORT",
            defaultValue = "${env:GRIDKEEPER_PUBLIC_ADDRESS}",
            description = "Address other members and clients use to reach this member (NAT, containers) (env"
                    + " GRIDKEEPER_PUBLIC_ADDRESS). Default: the bound address.")
    @Nullable
    String publicAddress;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "${env:GRIDKEEPER_ZONE}",
            description = "Availability zone of this member; turns on ZONE_AWARE backups, so give every member a"
                    + " zone (env GRIDKEEPER_ZONE). Default: none.")
    @Nullable
    String zone;

    @Option(
            names = "--rack",
            paramLabel = "RACK",
            defaultValue = "${env:GRIDKEEPER_RACK}",
            description = "Rack (placement) of this member (env GRIDKEEPER_RACK). Default: none.")
    @Nullable
    String rack;

    @Option(
            names = "--node-id",
            paramLabel = "ID",
            defaultValue = "${env:GRIDKEEPER_NODE_ID}",
            description = "Stable id of this member across restarts (env GRIDKEEPER_NODE_ID). Default: its address"
                    + " host:port.")
    @Nullable
    String nodeId;

    /** The validated settings; {@link IllegalArgumentException} (a usage error) names the bad option. */
    NodeSettings settings() {
        return new NodeSettings(
                config,
                cluster.zookeeper,
                cluster.devZookeeperPort,
                cluster.clusterName,
                cluster.clusterId,
                cluster.basePath,
                zone,
                rack,
                nodeId,
                port,
                publicAddress);
    }

    @Override
    public Integer call() throws InterruptedException {
        NodeSettings settings = settings();
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "slf4j");
        }
        GridkeeperNode node = GridkeeperNode.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "gridkeeper-shutdown"));
        node.awaitTermination();
        if (!node.closeRequested()) {
            // Hazelcast shut the member down itself (e.g. it could not join, or was told to by an operator).
            node.close();
            throw new IllegalStateException("The member shut down on its own; see the log above");
        }
        return 0;
    }
}
