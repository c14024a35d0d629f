package io.gridkeeper.cli;

import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridkeeper rebalance}: asks the leader to rebalance now, ending any hold. */
@Command(
        name = "rebalance",
        mixinStandardHelpOptions = true,
        description = {
            "Asks the cluster's leader to rebalance now: ends any hold (policy or operator) and lets Hazelcast migrate"
                    + " partitions. The request stays in ZooKeeper until the rebalance is complete."
        })
public final class RebalanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(names = "--note", paramLabel = "TEXT", description = "Who asks and why; recorded with the decision.")
    @Nullable
    String note;

    @Option(
            names = "--wait",
            description = "Show progress (partitions without backup, replica migrations done and left, estimated time)"
                    + " until the rebalance is complete and the cluster is safe.")
    boolean await;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Time between progress lines with --wait. Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(
            names = "--wait-timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "Give up waiting after this long (exit 1; the rebalance goes on). Default: ${DEFAULT-VALUE}.")
    Duration waitTimeout;

    @Override
    public Integer call() {
        Instant now = Instant.now();
        ZnodeRead<LeadershipView> leadership;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            MigrationZnodes.requestRebalance(curator, cluster.clusterPath(), now, note);
            // the request is stored: an unreadable election only makes the leader unknown to this message
            leadership = ClusterStatusReader.readLeadership(curator, cluster.clusterPath());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requestedAt", now);
            json.put("note", note);
            json.put("path", MigrationZnodes.path(cluster.clusterPath(), MigrationZnodes.COMMANDS));
            putLeader(json, leadership);
            out.println(OutputOptions.json(json));
        } else {
            out.println("Rebalance requested at " + now + "; " + leaderNote(leadership));
        }
        out.flush();
        if (await) {
            waitUntilSafe(out, now);
        }
        return 0;
    }

    /** Prints a progress line every interval until the request is served and the cluster is safe. */
    private void waitUntilSafe(PrintWriter out, Instant requested) {
        Duration timeout = output.timeout();
        Instant deadline = Instant.now().plus(waitTimeout);
        try (ClusterStatusReader.Session session = new ClusterStatusReader(cluster, timeout).open()) {
            while (true) {
                Progress progress = progress(session, timeout);
                boolean served = MigrationZnodes.readCommands(session.curator(), cluster.clusterPath())
                        .map(commands -> commands.rebalanceRequestedAtMillis() == null
                                || commands.rebalanceRequestedAtMillis() < requested.toEpochMilli())
                        .orElse(true);
                Duration elapsed = Duration.between(requested, Instant.now());
                if (output.json) {
                    out.println(OutputOptions.json(progress.withElapsed(elapsed, served)));
                } else {
                    out.println(progress.line(elapsed));
                }
                out.flush();
                if (served && progress.done()) {
                    if (!output.json) {
                        out.println("Rebalance complete: cluster " + cluster.clusterNameOrDefault() + " is safe after "
                                + DurationConverter.show(elapsed));
                    }
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Cluster [" + cluster.clusterNameOrDefault()
                            + "] not safe after waiting [" + DurationConverter.show(waitTimeout)
                            + "] (--wait-timeout); the rebalance goes on, check: gridkeeper doctor");
                }
                TimeUnit.MILLISECONDS.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rebalance", e);
        }
    }

    private static Progress progress(ClusterStatusReader.Session session, Duration timeout) {
        MemberReports collected = MemberReports.collect(session.client(), timeout);
        List<@Nullable MemberReport> reports =
                new ArrayList<>(collected.reports().values());
        // A member that does not answer counts as not done.
        collected.errors().keySet().forEach(address -> reports.add(null));
        return Progress.of(reports);
    }

    /**
     * One progress sample.
     *
     * @param clusterState the cluster state
     * @param safe whether every member answered and finds the cluster safe
     * @param withoutBackup the most partitions without backup any member sees
     * @param planned migrations planned by the master's last repartition
     * @param completed migrations of it completed
     * @param remaining migrations left
     * @param estimatedSecondsLeft remaining time at the current pace, null before the first migration completes
     * @param elapsedSeconds seconds since the request
     * @param served whether the leader has served the request (it removes it once the rebalance is complete)
     */
    record Progress(
            @Nullable String clusterState,
            boolean safe,
            int withoutBackup,
            int planned,
            int completed,
            int remaining,
            @Nullable Long estimatedSecondsLeft,
            long elapsedSeconds,
            boolean served) {

        static Progress of(List<@Nullable MemberReport> reports) {
            String state = null;
            boolean safe = !reports.isEmpty();
            int withoutBackup = 0;
            MemberReport.MigrationProgress migration = null;
            for (MemberReport report : reports) {
                if (report == null) {
                    safe = false;
                    continue;
                }
                state = report.clusterState();
                safe &= report.clusterSafe();
                withoutBackup = Math.max(withoutBackup, report.partitionsWithoutBackup());
                if (report.migration() != null) {
                    migration = report.migration();
                }
            }
            Long estimate = null;
            if (migration != null && migration.completed() > 0 && migration.startedAtMillis() > 0) {
                long elapsed = System.currentTimeMillis() - migration.startedAtMillis();
                estimate = elapsed * migration.remaining() / migration.completed() / 1000;
            }
            return new Progress(
                    state,
                    safe,
                    withoutBackup,
                    migration == null ? 0 : migration.planned(),
                    migration == null ? 0 : migration.completed(),
                    migration == null ? 0 : migration.remaining(),
                    estimate,
                    0,
                    false);
        }

        Progress withElapsed(Duration elapsed, boolean served) {
            return new Progress(
                    clusterState,
                    safe,
                    withoutBackup,
                    planned,
                    completed,
                    remaining,
                    estimatedSecondsLeft,
                    elapsed.toSeconds(),
                    served);
        }

        boolean done() {
            // Not ACTIVE necessarily: a policy such as delayed holds again once the cluster is balanced.
            return safe && withoutBackup == 0;
        }

        String line(Duration elapsed) {
            return String.format(
                    Locale.ROOT,
                    "[%5s] %-12s %s  partitions without backup %d  replica migrations %d/%d (%d left)%s",
                    DurationConverter.show(elapsed),
                    clusterState == null ? "unknown" : clusterState,
                    safe ? "safe    " : "NOT SAFE",
                    withoutBackup,
                    completed,
                    planned,
                    remaining,
                    estimatedSecondsLeft == null
                            ? ""
                            : "  about " + DurationConverter.show(Duration.ofSeconds(estimatedSecondsLeft)) + " left");
        }
    }

    /** Who will act on an operator command, or why nobody will yet. */
    /** {@code leader} and {@code epoch} (null and 0 when unknown), then {@code unreadable} (the election, if it was). */
    static void putLeader(Map<String, Object> json, ZnodeRead<LeadershipView> read) {
        LeadershipView leadership = read.value().orElse(null);
        json.put(
                "leader",
                leadership == null
                        ? null
                        : leadership.leader().map(l -> l.nodeId()).orElse(null));
        json.put("epoch", leadership == null ? 0 : leadership.epoch());
        json.put(
                "unreadable",
                read.unreadable() == null
                        ? List.of()
                        : List.of(read.unreadable().line()));
    }

    static String leaderNote(ZnodeRead<LeadershipView> read) {
        if (read.unreadable() != null) {
            return "the leader is unknown, the election is unreadable: "
                    + read.unreadable().line()
                    + "; the request waits in ZooKeeper for the leader (check: gridkeeper doctor)";
        }
        LeadershipView leadership = read.value().orElseThrow();
        return leadership
                .leader()
                .map(leader -> "the leader " + leader.nodeId() + " (epoch " + leadership.epoch()
                        + ") acts on it within a second (check: gridkeeper decisions --last 1)")
                .orElse("no leader right now: the request waits in ZooKeeper until one is elected"
                        + " (check: gridkeeper doctor)");
    }
}
