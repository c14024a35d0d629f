package io.gridkeeper.it.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/** Reads {@code <cluster-path>/leader/epoch} ({@code {"epoch":7,"nodeId":"n1",...}}) as any ZooKeeper tool can. */
record Epochs(long epoch, String nodeId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The latest epoch and the member that took it; empty while absent or unreadable. */
    static Optional<Epochs> read(CuratorFramework curator, String clusterPath) {
        try {
            JsonNode node = JSON.readTree(curator.getData().forPath(clusterPath + "/leader/epoch"));
            return Optional.of(
                    new Epochs(node.get("epoch").asLong(), node.get("nodeId").asText()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
