package io.gridkeeper.zookeeper.election;

import static java.util.Objects.requireNonNull;

/**
 * Who a leader (or election participant) is: the member's stable node id and its address ({@code host:port}).
 *
 * @param nodeId the member's stable node id (survives restarts, unlike its UUID)
 * @param address the member's address as {@code host:port}
 */
public record LeaderIdentity(String nodeId, String address) {

    public LeaderIdentity {
        requireNonNull(nodeId, "nodeId");
        requireNonNull(address, "address");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("Leader node id must not be blank");
        }
    }

    @Override
    public String toString() {
        return nodeId + "@" + address;
    }
}
