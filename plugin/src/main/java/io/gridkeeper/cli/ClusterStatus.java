package io.gridkeeper.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code status} reports, as printed in text and serialized to JSON.
 *
 * @param clusterName the Hazelcast cluster name
 * @param zookeeper the ZooKeeper connect string used
 * @param clusterPath the cluster's znode
 * @param clusterState Hazelcast's cluster state, null when no member could answer
 * @param clusterSafe whether all partitions are in sync, null when no member could answer
 * @param healthNote why state/safety are unknown, null when they are known
 * @param leader the current leader, null when there is none
 * @param epoch the latest leadership epoch (0 before the first leader)
 * @param members the members, from the cluster and from the ZooKeeper registry
 * @param zones the zones and how many members each has
 */
record ClusterStatus(
        String clusterName,
        String zookeeper,
        String clusterPath,
        @Nullable String clusterState,
        @Nullable Boolean clusterSafe,
        @Nullable String healthNote,
        @Nullable Leader leader,
        long epoch,
        List<MemberStatus> members,
        List<Zone> zones) {

    /**
     * The leader as the election znodes show it.
     *
     * @param nodeId the leader's node id
     * @param address the leader's address
     */
    record Leader(String nodeId, String address) {}

    /**
     * One member.
     *
     * @param address host:port
     * @param nodeId its stable node id, null when unknown
     * @param zone its zone, null when none
     * @param inCluster whether the Hazelcast cluster lists it
     * @param registered whether the ZooKeeper registry lists it
     * @param leader whether it is the leader
     */
    record MemberStatus(
            String address,
            @Nullable String nodeId,
            @Nullable String zone,
            boolean inCluster,
            boolean registered,
            boolean leader) {}

    /**
     * A zone and how many cluster members are in it.
     *
     * @param name the zone
     * @param members how many members
     */
    record Zone(String name, int members) {}
}
