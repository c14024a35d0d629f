package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A data member present in the cluster, named by its stable node id (which survives a restart, unlike the Hazelcast
 * member UUID) and its zone, if any.
 */
public record ClusterMember(String nodeId, @Nullable String zone) {

    public ClusterMember {
        requireNonNull(nodeId, "nodeId");
    }
}
