package io.gridkeeper.cli;

import io.gridkeeper.migration.MigrationDecider;
import io.gridkeeper.migration.MigrationPolicies;
import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
     * @param setAt when the znode was last written (ZooKeeper's clock), null without one or when this tool may not
     *     read it
     * @param policy the policy spec, null when each member uses its start configuration
     * @param settings the settings as stored (without {@code policy})
     * @param safety the safety guard's limits these settings give
     * @param knownPolicies the policies this tool knows (the same registry the members use)
     * @param decision the decision the leader last recorded, null before the first one (or when the hold znode is
     *     unreadable)
     * @param unreadable the znodes this report could not read (policy, hold), each with its kind, path and why (in
     *     JSON one line each naming the path and why); the rest of the report stands. Empty when everything was read
     */
    record PolicyReport(
            Source source,
            String path,
            @Nullable Instant setAt,
            @Nullable String policy,
            Map<String, String> settings,
            Map<String, String> safety,
            List<String> knownPolicies,
            DecisionsCommand.@Nullable DecisionView decision,
            List<Unreadable> unreadable) {}

    /** The {@code policy} of a report whose policy znode exists but could not be read. */
    static final String UNREADABLE = "<unreadable>";

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

    /**
     * Reads the policy and hold znodes. Unreadable ones (junk, a read ACL, ...) are reported, never thrown.
     *
     * @throws IllegalStateException when ZooKeeper cannot be reached, or the read was interrupted
     */
    static PolicyReport read(CuratorFramework curator, String clusterPath) {
        return read(curator, clusterPath, readHold(curator, clusterPath));
    }

    /** The hold znode, or why it is unreadable. */
    static ZnodeRead<HoldRecord> readHold(CuratorFramework curator, String clusterPath) {
        return ZnodeRead.of(
                Unreadable.Kind.HOLD,
                MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD),
                () -> MigrationZnodes.readHold(curator, clusterPath));
    }

    /** The policy znode's settings, or why it is unreadable. */
    static ZnodeRead<Map<String, String>> readPolicy(CuratorFramework curator, String clusterPath) {
        return ZnodeRead.of(
                Unreadable.Kind.POLICY,
                MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY),
                () -> MigrationZnodes.readPolicy(curator, clusterPath));
    }

    /** The report over the given read of the hold znode (so that {@code status} reads it once). */
    static PolicyReport read(CuratorFramework curator, String clusterPath, ZnodeRead<HoldRecord> hold) {
        String path = MigrationZnodes.path(clusterPath, MigrationZnodes.POLICY);
        ZnodeRead<Map<String, String>> read = readPolicy(curator, clusterPath);
        Unreadable unreadable = read.unreadable();
        // an unreadable znode exists: report it as the cluster-wide policy (members ignore junk; a read ACL hides it
        // from this tool only) instead of failing the whole command
        Optional<Map<String, String>> stored = unreadable == null ? read.value() : Optional.of(Map.of());
        // ZooKeeper checks the read permission on exists too: no mtime for a znode this tool may not read
        Instant setAt = stored.isPresent() && (unreadable == null || read.junk()) ? modified(curator, path) : null;
        Map<String, String> settings = new TreeMap<>(stored.orElse(Map.of()));
        String policy = settings.remove(MigrationPolicies.POLICY);
        MigrationPolicies policies = MigrationPolicies.load(PolicyShowCommand.class.getClassLoader());
        Map<String, String> safety = new TreeMap<>();
        if (unreadable != null) {
            safety.put(
                    "error",
                    (read.junk()
                                    ? "the stored policy is unreadable (members ignore it): "
                                    : "the stored policy is unreadable by this tool: ")
                            + unreadable.line());
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
        List<Unreadable> unreadables = Stream.of(unreadable, hold.unreadable())
                .filter(Objects::nonNull)
                .toList();
        return new PolicyReport(
                stored.isPresent() ? Source.ZOOKEEPER : Source.START_CONFIGURATION,
                path,
                setAt,
                unreadable != null
                        ? UNREADABLE
                        : stored.isPresent() ? (policy == null ? MigrationPolicies.DEFAULT_POLICY : policy) : null,
                settings,
                safety,
                List.copyOf(policies.names()),
                hold.value()
                        .filter(record -> record.type() != null)
                        .map(DecisionsCommand.DecisionView::of)
                        .orElse(null),
                unreadables);
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
                    report.policy() + "  (cluster-wide, from ZooKeeper " + report.path()
                            + (report.setAt() == null ? "" : ", set " + report.setAt()) + ")");
        } else {
            line(text, "Policy", "each member's start configuration (no cluster-wide policy at " + report.path() + ")");
        }
        line(text, "Settings", report.settings().isEmpty() ? "none (defaults)" : pairs(report.settings()));
        line(text, "Safety", pairs(report.safety()));
        line(text, "Known", String.join(", ", report.knownPolicies()));
        DecisionsCommand.DecisionView decision = report.decision();
        Unreadable hold = Unreadable.first(report.unreadable(), Unreadable.Kind.HOLD);
        line(
                text,
                "Decision",
                hold != null
                        ? "unreadable (" + hold.line() + ")"
                        : decision == null
                                ? "none recorded yet"
                                : decision.type() + (decision.until() == null ? "" : " until " + decision.until())
                                        + " by [" + decision.policy() + "]: " + decision.explanation());
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
