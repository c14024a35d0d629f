package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A data member that joined since the last rebalance. {@code returning} is true when its node id belonged to the last
 * balanced cluster (a restart: same node id, new UUID, empty memory), false for a new member.
 */
public record Arrival(String nodeId, @Nullable String zone, Instant at, boolean returning) {

    public Arrival {
        requireNonNull(nodeId, "nodeId");
        requireNonNull(at, "at");
    }
}
