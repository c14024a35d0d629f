package io.gridkeeper.cli;

import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code doctor} observed, gathered by {@link DoctorProbe} and judged by {@link DoctorChecks}. A part that
 * could not be reached is null with the reason in the matching {@code ...Error}; a znode that could not be read (junk,
 * a read ACL) is absent and listed in {@code unreadable}, while ZooKeeper counts as reachable.
 *
 * @param now the local clock when the observation finished
 * @param zookeeperError why ZooKeeper could not be read, null when it could
 * @param registry the ZooKeeper registry's readable registrations, by private address
 * @param leadership the election znodes, null when not read
 * @param hold the controller's hold record, null when none (or unreadable)
 * @param holdWrittenAt ZooKeeper's clock when the hold record was written (znode mtime)
 * @param policyError why the cluster-wide policy in ZooKeeper does not validate, null when valid, absent or unreadable
 * @param clusterError why no member answered, null when the cluster was reached
 * @param clusterMembers the Hazelcast member list: address to node id
 * @param reports the members' own reports, by address
 * @param clockSkewMillis each member's clock minus the local clock (round-trip corrected), by address
 * @param reportErrors members that did not answer the report task, by address
 * @param caches the JCache statistics per cache, null when not read
 * @param cachesError why the cache statistics could not be read
 * @param unreadable the znodes that could not be read (registrations, election, policy, hold), with the reason
 */
record DoctorInput(
        Instant now,
        @Nullable String zookeeperError,
        Map<String, ClusterStatusReader.RegistryEntry> registry,
        @Nullable LeadershipView leadership,
        @Nullable HoldRecord hold,
        @Nullable Instant holdWrittenAt,
        @Nullable String policyError,
        @Nullable String clusterError,
        Map<String, String> clusterMembers,
        Map<String, MemberReport> reports,
        Map<String, Long> clockSkewMillis,
        Map<String, String> reportErrors,
        @Nullable List<CacheStats> caches,
        @Nullable String cachesError,
        List<Unreadable> unreadable) {}
