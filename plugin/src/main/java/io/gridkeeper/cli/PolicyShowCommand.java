package io.gridkeeper.cli;

import io.gridkeeper.migration.MigrationDecider;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gridkeeper policy show}: the policy in ZooKeeper, its settings, where it came from, the decision in force. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the cluster-wide migration policy and its settings as stored in ZooKeeper (or says that each"
                    + " member uses its start configuration), the safety limits, the known policies, and the"
                    + " decision the leader last recorded."
        })
public final class PolicyShowCommand implements Callable<Integer> {

    /** Where the policy in force comes from. */
    enum Source {
        /** The cluster-wide policy znode. */
        ZOOKEEPER,
        /** No policy znode: each member's hazelcast.yaml properties or launcher flags. */
        START_CONFIGURATION
    }

    /**
     * What {@code policy show} prints.
     *
     * @param source where the policy comes from
     * @param path the policy znode
     * @param setAt when the znode was last written (ZooKeeper's clock), null without one
     * @param policy the policy spec, null when each member uses its start configuration
     * @param settings the settings as stored (without {@code policy})
     * @param safety the safety guard's limits these settings give
     * @param knownPolicies the policies this tool knows (the same registry the members use)
     * @param decision the decision the leader last recorded, null before the first one
     */
    record PolicyReport(
            Source source,
            String path,
            @Nullable Instant setAt,
            @Nullable String policy,
            Map<String, String> settings,
            Map<String, String> safety,
            List<String> knownPolicies,
            DecisionsCommand.@Nullable DecisionView decision) {}

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PolicyReport report;
        try (CuratorFramework curator = ZookeeperConnection.open(cluster, output.timeout())) {
            report = read(curator, cluster.clusterPath());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.json ? OutputOptions.json(report) : text(report));
        out.flush();
        return 0;
    }

    static PolicyReport read(CuratorFramework curator, String clusterPath) {
        String path = MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY);
        Optional<Map<String, String>> stored;
        String unreadable = null;
        try {
            stored = MigrationZnodes.readPolicy(curator, clusterPath);
        } catch (IllegalArgumentException e) {
            // junk written past the CLI: report it (members ignore it) instead of failing the whole command
            stored = Optional.of(Map.of());
            unreadable = GridkeeperCommand.oneLine(e);
        }
        Instant setAt = stored.isPresent() ? modified(curator, path) : null;
        Map<String, String> settings = new TreeMap<>(stored.orElse(Map.of()));
        String policy = settings.remove(MigrationPolicies.POLICY);
        MigrationPolicies policies = MigrationPolicies.load(PolicyShowCommand.class.getClassLoader());
        Map<String, String> safety = new TreeMap<>();
        if (unreadable != null) {
            safety.put("error", "the stored policy is unreadable (members ignore it): " + unreadable);
        } else {
            try {
                MigrationDecider decider = policies.decider(stored.orElse(Map.of()));
                safety.put("max-lost-replicas", String.valueOf(decider.guard().maxLostReplicas()));
                safety.put(
                        "max-unprotected-seconds",
                        String.valueOf(decider.guard().maxUnprotected().toSeconds()));
            } catch (RuntimeException e) {
                safety.put(
                        "error", "the stored policy is invalid (members ignore it): " + GridkeeperCommand.oneLine(e));
            }
        }
        Optional<HoldRecord> hold =
                MigrationZnodes.readHold(curator, clusterPath).filter(record -> record.type() != null);
        return new PolicyReport(
                stored.isPresent() ? Source.ZOOKEEPER : Source.START_CONFIGURATION,
                path,
                setAt,
                unreadable != null
                        ? "<unreadable>"
                        : stored.isPresent() ? (policy == null ? MigrationPolicies.DEFAULT_POLICY : policy) : null,
                settings,
                safety,
                List.copyOf(policies.names()),
                hold.map(DecisionsCommand.DecisionView::of).orElse(null));
    }

    private static @Nullable Instant modified(CuratorFramework curator, String path) {
        try {
            Stat stat = curator.checkExists().forPath(path);
            return stat == null ? null : Instant.ofEpochMilli(stat.getMtime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading [" + path + "]", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read [" + path + "]: " + GridkeeperCommand.oneLine(e), e);
        }
    }

    static String text(PolicyReport report) {
        StringBuilder text = new StringBuilder();
        if (report.source() == Source.ZOOKEEPER) {
            line(
                    text,
                    "Policy",
                    report.policy() + "  (cluster-wide, from ZooKeeper " + report.path() + ", set " + report.setAt()
                            + ")");
        } else {
            line(text, "Policy", "each member's start configuration (no cluster-wide policy at " + report.path() + ")");
        }
        line(text, "Settings", report.settings().isEmpty() ? "none (defaults)" : pairs(report.settings()));
        line(text, "Safety", pairs(report.safety()));
        line(text, "Known", String.join(", ", report.knownPolicies()));
        DecisionsCommand.DecisionView decision = report.decision();
        line(
                text,
                "Decision",
                decision == null
                        ? "none recorded yet"
                        : decision.type() + (decision.until() == null ? "" : " until " + decision.until()) + " by ["
                                + decision.policy() + "]: " + decision.explanation());
        return text.toString().stripTrailing();
    }

    private static String pairs(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-10s%s", label, value)).append(System.lineSeparator());
    }
}
