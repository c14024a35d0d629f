package io.gridkeeper.cli;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * Gathers what {@code doctor} judges: the registry, election, hold and policy znodes from ZooKeeper, then the member
 * list and a {@link MemberReport} from every member through a Hazelcast client, then the JCache statistics. Never
 * fails for an unreachable part: the reason goes into the {@link DoctorInput}.
 */
final class DoctorProbe {

    static final String EXECUTOR = "gridkeeper-status";

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
        Map<String, String> members = new TreeMap<>();
        Map<String, MemberReport> reports = new TreeMap<>();
        Map<String, Long> skews = new TreeMap<>();
        Map<String, String> reportErrors = new TreeMap<>();
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
                for (Member member : client.getCluster().getMembers()) {
                    members.put(address(member), MigrationController.nodeIdOf(member));
                }
                long sent = System.currentTimeMillis();
                Map<Member, Future<MemberReport>> futures =
                        client.getExecutorService(EXECUTOR).submitToAllMembers(new MemberReportTask());
                for (Map.Entry<Member, Future<MemberReport>> entry : futures.entrySet()) {
                    String address = address(entry.getKey());
                    try {
                        MemberReport report = entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                        long received = System.currentTimeMillis();
                        reports.put(address, report);
                        skews.put(address, report.wallClockMillis() - (sent + received) / 2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        reportErrors.put(address, "interrupted");
                        break;
                    } catch (ExecutionException | TimeoutException | RuntimeException e) {
                        reportErrors.put(address, GridkeeperCommand.oneLine(e));
                    }
                }
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
                members,
                reports,
                skews,
                reportErrors,
                caches,
                cachesError);
    }

    private static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
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
