package io.gridkeeper.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * Gathers what {@code doctor} judges: the registry, election, hold and policy znodes from ZooKeeper, then the member
 * list and a {@link MemberReport} from every member through a Hazelcast client, then the JCache statistics. Never
 * fails for an unreachable part or an unreadable znode: the reason goes into the {@link DoctorInput}.
 */
final class DoctorProbe {

    private final ClusterOptions options;
    private final Duration timeout;

    DoctorProbe(ClusterOptions options, Duration timeout) {
        this.options = options;
        this.timeout = timeout;
    }

    DoctorInput observe() {
        String clusterPath = options.clusterPath();
        String zookeeperError = null;
        Map<String, ClusterStatusReader.RegistryEntry> registry = Map.of();
        LeadershipView leadership = null;
        HoldRecord hold = null;
        Instant holdWrittenAt = null;
        String policyError = null;
        List<Unreadable> unreadable = new ArrayList<>();
        try (CuratorFramework curator = ZookeeperConnection.open(options, timeout)) {
            // an unreadable znode (junk, a read ACL) is a finding of its own; only an unreachable ZooKeeper (connection
            // loss, expired session) ends up in zookeeperError
            ClusterStatusReader.Registry registration = ClusterStatusReader.readRegistry(curator, clusterPath);
            registry = registration.entries();
            ZnodeRead<LeadershipView> election = ClusterStatusReader.readLeadership(curator, clusterPath);
            leadership = election.value().orElse(null);
            ZnodeRead<HoldRecord> holdRead = PolicyShowCommand.readHold(curator, clusterPath);
            hold = holdRead.value().filter(record -> record.type() != null).orElse(null);
            holdWrittenAt =
                    hold == null ? null : modified(curator, MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD));
            ZnodeRead<Map<String, String>> policy = PolicyShowCommand.readPolicy(curator, clusterPath);
            policyError = policy.value().map(DoctorProbe::policyError).orElse(null);
            Stream.of(election.unreadable(), policy.unreadable(), holdRead.unreadable())
                    .filter(Objects::nonNull)
                    .forEach(unreadable::add);
            unreadable.addAll(registration.unreadable());
        } catch (IllegalStateException | IllegalArgumentException e) {
            zookeeperError = GridkeeperCommand.oneLine(e);
            unreadable.clear();
        }
        String clusterError = null;
        MemberReports members = new MemberReports(Map.of(), Map.of(), Map.of(), Map.of());
        List<CacheStats> caches = null;
        String cachesError = null;
        HazelcastInstance client = null;
        try {
            client = new ClusterStatusReader(options, timeout)
                    .connectCluster(options.connectStringOrDev(), registry.size());
        } catch (IllegalStateException e) {
            clusterError = GridkeeperCommand.oneLine(e);
        }
        if (client != null) {
            try {
                members = MemberReports.collect(client, timeout);
                try {
                    caches = CacheStatsReader.read(client);
                } catch (RuntimeException e) {
                    cachesError = GridkeeperCommand.oneLine(e);
                }
            } finally {
                client.shutdown();
            }
        }
        return new DoctorInput(
                Instant.now(),
                zookeeperError,
                registry,
                leadership,
                hold,
                holdWrittenAt,
                policyError,
                clusterError,
                members.members(),
                members.reports(),
                members.clockSkewMillis(),
                members.errors(),
                caches,
                cachesError,
                List.copyOf(unreadable));
    }

    /** Why the stored settings do not validate, null when they do. */
    private static @Nullable String policyError(Map<String, String> settings) {
        try {
            MigrationPolicies.load(DoctorProbe.class.getClassLoader()).decider(new LinkedHashMap<>(settings));
            return null;
        } catch (RuntimeException e) {
            return GridkeeperCommand.oneLine(e);
        }
    }

    private static @Nullable Instant modified(CuratorFramework curator, String path) {
        try {
            Stat stat = curator.checkExists().forPath(path);
            return stat == null ? null : Instant.ofEpochMilli(stat.getMtime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
