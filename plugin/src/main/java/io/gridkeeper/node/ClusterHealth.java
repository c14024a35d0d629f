package io.gridkeeper.node;

import java.io.Serializable;

/**
 * What a member reports about the cluster for {@code status}: things only members can see.
 *
 * @param clusterState Hazelcast's cluster state, e.g. {@code ACTIVE}
 * @param clusterSafe whether every partition has all its replicas in sync (no migration pending)
 * @param reporter the address of the member that answered
 */
public record ClusterHealth(String clusterState, boolean clusterSafe, String reporter) implements Serializable {}
