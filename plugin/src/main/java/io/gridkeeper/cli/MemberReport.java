package io.gridkeeper.cli;

import java.io.Serializable;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one member reports about itself and the cluster for {@code doctor}, {@code status --watch} and {@code rebalance
 * --wait} (things only members can see), computed by {@link MemberReportTask}.
 *
 * @param address the member's host:port
 * @param nodeId its stable node id
 * @param wallClockMillis its clock when it answered
 * @param master whether it is Hazelcast's master (plans migrations)
 * @param clusterState Hazelcast's cluster state
 * @param clusterSafe {@code PartitionService.isClusterSafe()}
 * @param memberSafe {@code PartitionService.isLocalMemberSafe()}
 * @param maxNoHeartbeatSeconds {@code hazelcast.max.no.heartbeat.seconds} in force
 * @param sessionTimeoutSeconds the ZooKeeper session timeout its discovery is configured with, null without discovery
 * @param negotiatedSessionTimeoutMillis the session timeout the ZooKeeper server granted this member's live session
 *     (the server caps the requested one between 2 and 20 x {@code tickTime} by default), null without a session
 * @param zookeeperState the state of this member's ZooKeeper handle ({@code CONNECTED}, {@code CONNECTING}, ...),
 *     null without ZooKeeper discovery
 * @param zookeeperSessionId this member's ZooKeeper session id, null without a session
 * @param policy the migration policy in force, null without migration control
 * @param policySource where the policy came from
 * @param partitionsWithoutBackup partitions lacking every backup, as this member's partition table shows
 * @param unprotectedSeconds seconds since some partition lost its last backup (0 when protected)
 * @param migrationMetrics this member's {@code gridkeeper.migration} metrics (planned, completed, failed, ...)
 * @param migration the master's view of the current rebalance, null on other members
 */
record MemberReport(
        String address,
        String nodeId,
        long wallClockMillis,
        boolean master,
        String clusterState,
        boolean clusterSafe,
        boolean memberSafe,
        long maxNoHeartbeatSeconds,
        @Nullable Long sessionTimeoutSeconds,
        @Nullable Long negotiatedSessionTimeoutMillis,
        @Nullable String zookeeperState,
        @Nullable Long zookeeperSessionId,
        @Nullable String policy,
        @Nullable String policySource,
        int partitionsWithoutBackup,
        long unprotectedSeconds,
        Map<String, Long> migrationMetrics,
        @Nullable MigrationProgress migration)
        implements Serializable {

    /**
     * The master's migration statistics of the current (or last) rebalance.
     *
     * @param planned replica migrations planned by the last repartition
     * @param completed migrations of it completed so far
     * @param remaining planned minus completed
     * @param queued migration tasks waiting
     * @param ongoing whether migrations are running now
     * @param startedAtMillis when the last repartition started (0 if never)
     * @param totalCompleted migrations completed since the member started
     */
    record MigrationProgress(
            int planned,
            int completed,
            int remaining,
            long queued,
            boolean ongoing,
            long startedAtMillis,
            int totalCompleted)
            implements Serializable {}
}
