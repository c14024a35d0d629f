package io.gridkeeper.cli;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * Gathers what {@code doctor} judges: the registry, election, hold and policy znodes from ZooKeeper, then the member
 * list and a {@link MemberReport} from every member through a Hazelcast client, then the JCache statistics. Never
 * fails for an unreachable part: the reason goes into the {@link DoctorInput}.
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
        try (CuratorFramework curator = ZookeeperConnection.open(options, timeout)) {
            registry = ClusterStatusReader.readRegistry(curator, clusterPath);
            leadership = LeadershipView.read(curator, clusterPath);
            hold = MigrationZnodes.readHold(curator, clusterPath)
                    .filter(record -> record.type() != null)
                    .orElse(null);
            holdWrittenAt = modified(curator, MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD));
            policyError = policyError(curator, clusterPath);
        } catch (IllegalStateException | IllegalArgumentException e) {
            zookeeperError = GridkeeperCommand.oneLine(e);
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
                cachesError);
    }

    private static @Nullable String policyError(CuratorFramework curator, String clusterPath) {
        try {
            Optional<Map<String, String>> policy = MigrationZnodes.readPolicy(curator, clusterPath);
            policy.ifPresent(settings ->
                    MigrationPolicies.load(DoctorProbe.class.getClassLoader()).decider(new LinkedHashMap<>(settings)));
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
