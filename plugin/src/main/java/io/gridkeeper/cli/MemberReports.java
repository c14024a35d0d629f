package io.gridkeeper.cli;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.control.MigrationController;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The {@link MemberReport}s of every member, gathered through a Hazelcast client by running {@link MemberReportTask}
 * on all members of the {@code IExecutorService} {@value #EXECUTOR}; shared by {@code status} (also {@code --watch})
 * and {@code doctor}, so both judge the same observation.
 *
 * @param members the Hazelcast member list: address to node id
 * @param reports the members' reports, by address
 * @param clockSkewMillis each member's clock minus the midpoint of the task's round trip on this machine, by address
 * @param errors members that did not answer, by address, with the reason
 */
record MemberReports(
        Map<String, String> members,
        Map<String, MemberReport> reports,
        Map<String, Long> clockSkewMillis,
        Map<String, String> errors) {

    /** The executor the CLI's tasks run on. */
    static final String EXECUTOR = "gridkeeper-status";

    /** Asks every member; waits at most {@code timeout} for each answer. Never throws for a member that fails. */
    static MemberReports collect(HazelcastInstance client, Duration timeout) {
        Map<String, String> members = new TreeMap<>();
        Map<String, MemberReport> reports = new TreeMap<>();
        Map<String, Long> skews = new TreeMap<>();
        Map<String, String> errors = new TreeMap<>();
        for (Member member : client.getCluster().getMembers()) {
            members.put(address(member), MigrationController.nodeIdOf(member));
        }
        long sent = System.currentTimeMillis();
        Map<Member, Future<MemberReport>> futures;
        try {
            futures = client.getExecutorService(EXECUTOR).submitToAllMembers(new MemberReportTask());
        } catch (RuntimeException e) {
            members.keySet().forEach(address -> errors.put(address, GridkeeperCommand.oneLine(e)));
            return new MemberReports(members, reports, skews, errors);
        }
        for (Map.Entry<Member, Future<MemberReport>> entry : futures.entrySet()) {
            String address = address(entry.getKey());
            try {
                MemberReport report = entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                long received = System.currentTimeMillis();
                reports.put(address, report);
                skews.put(address, report.wallClockMillis() - (sent + received) / 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.put(address, "interrupted");
                break;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                errors.put(address, GridkeeperCommand.oneLine(e));
            }
        }
        return new MemberReports(members, reports, skews, errors);
    }

    /** The report showing the most partitions without backup, if any member answered. */
    static Optional<MemberReport> worstBackup(Collection<MemberReport> reports) {
        return reports.stream().max(Comparator.comparingInt(MemberReport::partitionsWithoutBackup));
    }

    /** The cluster state as the members report it (they agree outside a state change), null when none answered. */
    static @Nullable String clusterState(Collection<MemberReport> reports) {
        return reports.stream().map(MemberReport::clusterState).findFirst().orElse(null);
    }

    static String address(Member member) {
        return member.getAddress().getHost() + ":" + member.getAddress().getPort();
    }
}
