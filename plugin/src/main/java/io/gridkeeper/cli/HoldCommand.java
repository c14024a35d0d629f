package io.gridkeeper.cli;

import io.gridkeeper.migration.PolicySettings;
import io.gridkeeper.migration.SafetyGuard;
import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridkeeper hold --for <duration>}: asks the leader to hold migrations, bounded by the safety rules. */
@Command(
        name = "hold",
        mixinStandardHelpOptions = true,
        description = {
            "Asks the cluster's leader to hold partition migrations (cluster state NO_MIGRATION) for a while, e.g."
                    + " during a rolling restart. The safety rules still apply: the hold ends at once when partitions"
                    + " lose more replicas than [max-lost-replicas] allows, and partitions stay without backup at"
                    + " most [max-unprotected-seconds]. End it early with: gridkeeper rebalance"
        })
public final class HoldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--for",
            required = true,
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long to hold: 90s, 15m, 2h, 1d or ISO-8601 (PT15M); at least 1s, at most 366d.")
    Duration duration;

    @Option(names = "--note", paramLabel = "TEXT", description = "Who holds and why; recorded with the decision.")
    @Nullable
    String note;

    @Override
    public Integer call() {
        if (duration.toSeconds() < 1 || duration.toSeconds() > PolicySettings.MAX_SECONDS) {
            throw new IllegalArgumentException("Option '--for' must be between 1s and " + PolicySettings.MAX_SECONDS
                    + "s but was [" + DurationConverter.show(duration) + "]");
        }
        Instant now = Instant.now();
        Instant until = now.plus(duration);
        ZnodeRead<LeadershipView> leadership;
        PolicyShowCommand.PolicyReport policy;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            MigrationZnodes.holdUntil(curator, cluster.clusterPath(), now, until, note);
            // the request is stored: an unreadable election only makes the leader unknown to this message
            leadership = ClusterStatusReader.readLeadership(curator, cluster.clusterPath());
            policy = PolicyShowCommand.read(curator, cluster.clusterPath());
        }
        String maxUnprotected = policy.safety()
                .getOrDefault(
                        SafetyGuard.MAX_UNPROTECTED_SECONDS,
                        String.valueOf(SafetyGuard.DEFAULT_MAX_UNPROTECTED_SECONDS));
        String maxLost = policy.safety()
                .getOrDefault(SafetyGuard.MAX_LOST_REPLICAS, String.valueOf(SafetyGuard.DEFAULT_MAX_LOST_REPLICAS));
        String bounds = "the safety guard ends it early if partitions lose more than [" + SafetyGuard.MAX_LOST_REPLICAS
                + "=" + maxLost + "] replicas, and keeps partitions without backup at most ["
                + SafetyGuard.MAX_UNPROTECTED_SECONDS + "=" + maxUnprotected + "]"
                + (policy.source() == PolicyShowCommand.Source.ZOOKEEPER
                        ? ""
                        : " (defaults; members' start" + " configuration may differ)");
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requestedAt", now);
            json.put("until", until);
            json.put("note", note);
            json.put(SafetyGuard.MAX_LOST_REPLICAS, maxLost);
            json.put(SafetyGuard.MAX_UNPROTECTED_SECONDS, maxUnprotected);
            RebalanceCommand.putLeader(json, leadership);
            out.println(OutputOptions.json(json));
        } else {
            out.println("Hold requested until " + until + " (" + DurationConverter.show(duration) + "); "
                    + RebalanceCommand.leaderNote(leadership));
            out.println(bounds + "; end it early with: gridkeeper rebalance");
        }
        out.flush();
        return 0;
    }
}
