package io.gridkeeper.zookeeper.election;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.recipes.locks.StandardLockInternalsDriver;
import org.apache.curator.utils.ZKPaths;
import org.jspecify.annotations.Nullable;

/**
 * The election's znode layout under a cluster path and the JSON kept in it.
 *
 * <pre>
 * &lt;clusterPath&gt;/leader/latch/_c_...-latch-0000000007   LeaderLatch participants, data {"nodeId":..,"address":..}
 * &lt;clusterPath&gt;/leader/epoch                           {"epoch":7,"nodeId":..,"address":..}
 * </pre>
 */
final class ElectionZnodes {

    static final String LEADER = "leader";
    static final String LATCH = "latch";
    static final String EPOCH = "epoch";
    private static final String LATCH_LOCK_NAME = "latch-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ElectionZnodes() {}

    static String leaderPath(String clusterPath) {
        return ZKPaths.makePath(clusterPath, LEADER);
    }

    static String latchPath(String clusterPath) {
        return ZKPaths.makePath(clusterPath, LEADER, LATCH);
    }

    static String epochPath(String clusterPath) {
        return ZKPaths.makePath(clusterPath, LEADER, EPOCH);
    }

    /** Latch children in election order: the first leads (lowest sequence number, as {@code LeaderLatch} decides). */
    static List<String> sortedLatchNodes(Collection<String> latchChildren) {
        return latchChildren.stream()
                .filter(name -> name.contains(LATCH_LOCK_NAME))
                .sorted(Comparator.comparing(
                        name -> StandardLockInternalsDriver.standardFixForSorting(name, LATCH_LOCK_NAME)))
                .toList();
    }

    static byte[] encodeIdentity(LeaderIdentity identity) {
        return writeIdentity(JSON.createObjectNode(), identity).toString().getBytes(StandardCharsets.UTF_8);
    }

    static String participantId(LeaderIdentity identity) {
        return new String(encodeIdentity(identity), StandardCharsets.UTF_8);
    }

    /** Decodes a participant's data; empty for data this version did not write. */
    static Optional<LeaderIdentity> decodeIdentity(byte @Nullable [] data) {
        try {
            return Optional.ofNullable(readIdentity(parse(data)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] encodeEpoch(long epoch, @Nullable LeaderIdentity holder) {
        ObjectNode node = JSON.createObjectNode().put(EPOCH, epoch);
        if (holder != null) {
            writeIdentity(node, holder);
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes the epoch znode; throws {@link IllegalStateException} naming the znode when it holds garbage. */
    static EpochRecord decodeEpoch(String path, byte @Nullable [] data) {
        try {
            JsonNode node = parse(data);
            JsonNode epoch = node.get(EPOCH);
            if (epoch == null || !epoch.canConvertToLong() || epoch.asLong() < 0) {
                throw new IOException("no non-negative 'epoch' field");
            }
            return new EpochRecord(epoch.asLong(), readIdentity(node));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Epoch znode [" + path + "] holds unreadable data ["
                            + (data == null ? "null" : new String(data, StandardCharsets.UTF_8))
                            + "]: expected {\"epoch\":<n>,...}; delete it only when no member runs",
                    e);
        }
    }

    private static JsonNode parse(byte @Nullable [] data) throws IOException {
        if (data == null || data.length == 0) {
            throw new IOException("empty");
        }
        JsonNode node = JSON.readTree(data);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        return node;
    }

    private static ObjectNode writeIdentity(ObjectNode node, LeaderIdentity identity) {
        return node.put("nodeId", identity.nodeId()).put("address", identity.address());
    }

    private static @Nullable LeaderIdentity readIdentity(JsonNode node) {
        JsonNode nodeId = node.get("nodeId");
        JsonNode address = node.get("address");
        if (nodeId == null || address == null || !nodeId.isTextual() || !address.isTextual()) {
            return null;
        }
        return new LeaderIdentity(nodeId.asText(), address.asText());
    }

    /** The content of the epoch znode: the latest epoch and the member that took it. */
    record EpochRecord(long epoch, @Nullable LeaderIdentity holder) {}
}
