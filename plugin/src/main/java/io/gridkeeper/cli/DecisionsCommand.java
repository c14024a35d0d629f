package io.gridkeeper.cli;

import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridkeeper decisions [--last N]}: the leader's decision history from ZooKeeper, newest last. */
@Command(
        name = "decisions",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the last migration decisions of the cluster's leader (rebalance, hold, manual), newest last, each"
                    + " with its reason and every cause; read from ZooKeeper."
        })
public final class DecisionsCommand implements Callable<Integer> {

    /**
     * One decision as printed.
     *
     * @param at when it was decided
     * @param type REBALANCE, HOLD or MANUAL
     * @param policy the deciding policy (or operator, safety)
     * @param explanation why, with the observed values
     * @param until a hold's deadline
     * @param detail the decision with every cause, one per line
     * @param epoch the leader's epoch
     * @param leader the leader's node id
     */
    record DecisionView(
            Instant at,
            String type,
            String policy,
            String explanation,
            @Nullable Instant until,
            @Nullable String detail,
            long epoch,
            String leader) {

        static DecisionView of(DecisionRecord record) {
            return new DecisionView(
                    Instant.ofEpochMilli(record.atMillis()),
                    record.type(),
                    record.policy(),
                    record.explanation(),
                    record.untilMillis() == null ? null : Instant.ofEpochMilli(record.untilMillis()),
                    record.detail(),
                    record.epoch(),
                    record.leader());
        }

        static DecisionView of(HoldRecord record) {
            return new DecisionView(
                    Instant.ofEpochMilli(record.decidedAtMillis()),
                    record.type(),
                    record.policy(),
                    record.explanation(),
                    record.until(),
                    null,
                    record.epoch(),
                    record.leader());
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--last",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many decisions to show (ZooKeeper keeps the last 50). Default: ${DEFAULT-VALUE}.")
    int last;

    @Override
    public Integer call() {
        if (last < 1) {
            throw new IllegalArgumentException("Option '--last' must be positive but was [" + last + "]");
        }
        List<DecisionView> decisions;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            List<DecisionRecord> all = MigrationZnodes.readDecisions(curator, cluster.clusterPath());
            decisions = all.subList(Math.max(0, all.size() - last), all.size()).stream()
                    .map(DecisionView::of)
                    .toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.json ? OutputOptions.json(decisions) : text(decisions, cluster.clusterPath()));
        out.flush();
        return 0;
    }

    static String text(List<DecisionView> decisions, String clusterPath) {
        if (decisions.isEmpty()) {
            return "No decisions recorded under " + MigrationZnodes.root(clusterPath)
                    + " (no leader has decided yet, or migration control is off)";
        }
        StringBuilder text = new StringBuilder();
        for (DecisionView decision : decisions) {
            text.append(decision.at())
                    .append("  epoch ")
                    .append(decision.epoch())
                    .append("  ")
                    .append(decision.leader())
                    .append(System.lineSeparator());
            String detail = decision.detail() == null
                    ? decision.type() + " by [" + decision.policy() + "]: " + decision.explanation()
                    : decision.detail();
            detail.lines().forEach(line -> text.append("  ").append(line).append(System.lineSeparator()));
        }
        return text.toString().stripTrailing();
    }
}
