package io.gridkeeper.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code status} reports, as printed in text and serialized to JSON (the schema docs/cli.md documents; fields are
 * only ever added).
 *
 * @param clusterName the Hazelcast cluster name
 * @param zookeeper the ZooKeeper connect string used
 * @param clusterPath the cluster's znode
 * @param clusterState Hazelcast's cluster state, null when no member could answer
 * @param clusterSafe whether every member finds all partitions in sync, null when no member could answer
 * @param healthNote why state/safety are unknown, null when they are known
 * @param partitionsWithoutBackup the most partitions lacking every backup any member sees, null when unknown
 * @param unprotectedSeconds for how long some partition has lacked its backup (0 when none), null when unknown
 * @param leader the current leader, null when there is none (or the election znodes are unreadable)
 * @param epoch the latest leadership epoch (0 before the first leader, or when the election znodes are unreadable)
 * @param policy the migration policy in force cluster-wide (as {@code policy show} prints it)
 * @param hold the hold the leader recorded, with deadline and reason; null when migrations are not held
 * @param zookeeperHealth this tool's ZooKeeper session: connected, quorum, server, session
 * @param members the members, from the cluster and from the ZooKeeper registry
 * @param zones the zones and how many members each has
 * @param unreadable the znodes this report could not read (election, policy, hold, registrations: junk written past
 *     the CLI, a read ACL this tool's credential does not pass), each with its kind, path and why (in JSON one line
 *     each naming the path and why); the rest of the report stands. Empty when everything was read
 */
record ClusterStatus(
        String clusterName,
        String zookeeper,
        String clusterPath,
        @Nullable String clusterState,
        @Nullable Boolean clusterSafe,
        @Nullable String healthNote,
        @Nullable Integer partitionsWithoutBackup,
        @Nullable Long unprotectedSeconds,
        @Nullable Leader leader,
        long epoch,
        PolicyShowCommand.PolicyReport policy,
        @Nullable HoldView hold,
        ZookeeperHealth zookeeperHealth,
        List<MemberStatus> members,
        List<Zone> zones,
        List<Unreadable> unreadable) {

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
     * @param registered whether the ZooKeeper registry lists it, i.e. its ZooKeeper session is alive (the registration
     *     znode is ephemeral)
     * @param leader whether it is the leader
     * @param registrationSession the session owning its registration znode (hex), null when not registered
     * @param zookeeperState the member's own ZooKeeper handle state, null when it did not report
     * @param zookeeperSession the member's own ZooKeeper session id (hex), null when it has none or did not report
     * @param sessionTimeoutMillis the session timeout ZooKeeper negotiated with the member, null when unknown
     * @param policy the migration policy in force on the member, null when it did not report
     * @param reportError why the member did not answer the status task, null when it did (or is not in the cluster)
     */
    record MemberStatus(
            String address,
            @Nullable String nodeId,
            @Nullable String zone,
            boolean inCluster,
            boolean registered,
            boolean leader,
            @Nullable String registrationSession,
            @Nullable String zookeeperState,
            @Nullable String zookeeperSession,
            @Nullable Long sessionTimeoutMillis,
            @Nullable String policy,
            @Nullable String reportError) {}

    /**
     * A zone and how many cluster members are in it.
     *
     * @param name the zone
     * @param members how many members
     */
    record Zone(String name, int members) {}
}
