package io.gridkeeper.cli;

import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.io.PrintWriter;
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

    @Override
    public Integer call() {
        Instant now = Instant.now();
        LeadershipView leadership;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            MigrationZnodes.requestRebalance(curator, cluster.clusterPath(), now, note);
            leadership = LeadershipView.read(curator, cluster.clusterPath());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requestedAt", now);
            json.put("note", note);
            json.put("path", MigrationZnodes.path(cluster.clusterPath(), MigrationZnodes.COMMANDS));
            json.put("leader", leadership.leader().map(l -> l.nodeId()).orElse(null));
            json.put("epoch", leadership.epoch());
            out.println(OutputOptions.json(json));
        } else {
            out.println("Rebalance requested at " + now + "; " + leaderNote(leadership));
        }
        out.flush();
        return 0;
    }

    /** Who will act on an operator command, or why nobody will yet. */
    static String leaderNote(LeadershipView leadership) {
        return leadership
                .leader()
                .map(leader -> "the leader " + leader.nodeId() + " (epoch " + leadership.epoch()
                        + ") acts on it within a second (check: gridkeeper decisions --last 1)")
                .orElse("no leader right now: the request waits in ZooKeeper until one is elected"
                        + " (check: gridkeeper doctor)");
    }
}
