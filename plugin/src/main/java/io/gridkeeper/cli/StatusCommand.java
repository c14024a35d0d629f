package io.gridkeeper.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridkeeper status}: members, zones, leader and epoch, cluster state and safety, partitions without backup,
 * policy, hold and ZooKeeper health.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the cluster's members (address, node id, zone, ZooKeeper session, policy), zones, the leader and"
                    + " its epoch, the cluster state, whether the cluster is safe, partitions without backup, the"
                    + " migration policy, any hold with its deadline and reason, and this tool's ZooKeeper session"
                    + " (server, quorum).",
            "Reads the registry and leader znodes from ZooKeeper and joins the cluster as a Hazelcast client. Fails"
                    + " with one line and exit code 1 when ZooKeeper or the cluster cannot be reached; an unreadable"
                    + " election, policy, hold or registration znode (junk, a read ACL) is reported on its line, and"
                    + " the rest still shows."
        })
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(
            names = "--timeout-seconds",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long to wait for ZooKeeper and for a member. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--verbose", description = "Show ZooKeeper and Hazelcast client logs on stderr.")
    boolean verbose;

    @Option(
            names = "--watch",
            description = "Keep refreshing (redraws the terminal; with --json one document per refresh) until Ctrl-C.")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "Time between refreshes with --watch, e.g. 2s, 500ms. Default: ${DEFAULT-VALUE}.")
    Duration interval;

    /** Stops --watch after this many refreshes (0: never); for tests and scripts. */
    @Option(names = "--count", hidden = true, defaultValue = "0")
    int count;

    /** Clears an ANSI terminal and moves the cursor home. */
    static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "Option '--timeout-seconds' must be positive but was [" + timeoutSeconds + "]");
        }
        quietLogging(verbose);
        ClusterStatusReader reader = new ClusterStatusReader(cluster, Duration.ofSeconds(timeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        if (!watch) {
            ClusterStatus status = reader.read();
            out.println(json ? OutputOptions.json(status) : text(status));
            out.flush();
            return 0;
        }
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "Option '--interval' must be at least 100ms but was [" + interval.toMillis() + "ms]");
        }
        try (ClusterStatusReader.Session session = reader.open()) {
            for (int refresh = 1; count == 0 || refresh <= count; refresh++) {
                ClusterStatus status = session.read();
                if (json) {
                    out.println(OutputOptions.json(status));
                } else {
                    out.print(CLEAR_SCREEN);
                    out.println("gridkeeper status --watch  every " + DurationConverter.show(interval) + "  "
                            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                            + "  (Ctrl-C to stop)");
                    out.println(text(status));
                }
                out.flush();
                if (count != 0 && refresh == count) {
                    break;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return 0;
    }

    /** Keeps library logs off stdout so that the output stays parseable (set before logging initializes). */
    static void quietLogging(boolean verbose) {
        System.setProperty("gridkeeper.log.target", "System.err");
        if (!verbose) {
            System.setProperty("gridkeeper.log.level", "OFF");
            System.setProperty("gridkeeper.log.level.zookeeper", "OFF");
        }
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "slf4j");
        }
    }

    static String text(ClusterStatus status) {
        StringBuilder text = new StringBuilder();
        line(
                text,
                "Cluster",
                status.clusterName() + "  (ZooKeeper " + status.zookeeper() + ", " + status.clusterPath() + ")");
        line(text, "ZooKeeper", zookeeper(status.zookeeperHealth()));
        line(
                text,
                "State",
                status.clusterState() == null
                        ? "unknown: " + status.healthNote()
                        : status.clusterState() + ", "
                                + (Boolean.TRUE.equals(status.clusterSafe())
                                        ? "safe"
                                        : "NOT SAFE (migrations pending or backups missing)"));
        Integer withoutBackup = status.partitionsWithoutBackup();
        line(
                text,
                "Backups",
                withoutBackup == null
                        ? "unknown (no member answered)"
                        : withoutBackup == 0
                                ? "every partition has a backup"
                                : withoutBackup + " partition(s) WITHOUT BACKUP for " + status.unprotectedSeconds()
                                        + "s (one more member loss loses their data)");
        Unreadable election = Unreadable.first(status.unreadable(), Unreadable.Kind.ELECTION);
        line(
                text,
                "Leader",
                election != null
                        ? "unreadable (" + election.line() + ")"
                        : status.leader() == null
                                ? "none (epoch " + status.epoch() + ")"
                                : status.leader().nodeId() + " at "
                                        + status.leader().address() + ", epoch " + status.epoch());
        line(text, "Policy", policy(status));
        Unreadable holdZnode = Unreadable.first(status.unreadable(), Unreadable.Kind.HOLD);
        line(text, "Hold", holdZnode != null ? "unreadable (" + holdZnode.line() + ")" : hold(status.hold()));
        line(
                text,
                "Zones",
                status.zones().isEmpty()
                        ? "none configured"
                        : status.zones().stream()
                                .map(zone -> zone.name() + " (" + zone.members() + ")")
                                .collect(Collectors.joining(", ")));
        long inCluster = status.members().stream()
                .filter(ClusterStatus.MemberStatus::inCluster)
                .count();
        List<Unreadable> registrations = status.unreadable().stream()
                .filter(unreadable -> unreadable.kind() == Unreadable.Kind.REGISTRATION)
                .toList();
        line(
                text,
                "Members",
                inCluster + " in the cluster, "
                        + status.members().stream()
                                .filter(ClusterStatus.MemberStatus::registered)
                                .count()
                        + " registered in ZooKeeper"
                        + (registrations.isEmpty() ? "" : ", " + registrations.size() + " registration(s) unreadable"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ADDRESS", "NODE ID", "ZONE", "ZK SESSION", "POLICY", "NOTE"});
        for (ClusterStatus.MemberStatus member : status.members()) {
            rows.add(new String[] {
                member.address(),
                orDash(member.nodeId()),
                orDash(member.zone()),
                session(member),
                orDash(member.policy()),
                note(member, !registrations.isEmpty())
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < widths.length; i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            line.append(row[5]);
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        registrations.forEach(unreadable -> text.append("  unreadable registration ")
                .append(unreadable.line())
                .append(System.lineSeparator()));
        return text.toString().stripTrailing();
    }

    private static String zookeeper(ZookeeperHealth health) {
        if (!health.connected()) {
            return "NOT CONNECTED (" + health.state() + (health.error() == null ? "" : ": " + health.error()) + ")";
        }
        return "connected to " + orDash(health.server())
                + (health.quorum() ? " (quorum reachable)" : " (READ-ONLY: the server has no quorum)")
                + ", session " + health.sessionId() + ", timeout " + millis(health.sessionTimeoutMillis());
    }

    private static String policy(ClusterStatus status) {
        PolicyShowCommand.PolicyReport policy = status.policy();
        Unreadable unreadable = Unreadable.first(status.unreadable(), Unreadable.Kind.POLICY);
        if (unreadable != null) {
            return "unreadable (" + unreadable.line() + ")";
        }
        if (policy.source() == PolicyShowCommand.Source.ZOOKEEPER) {
            return policy.policy() + (policy.settings().isEmpty() ? "" : " " + policy.settings())
                    + "  (cluster-wide, set " + policy.setAt() + ")";
        }
        Set<String> inForce = status.members().stream()
                .map(ClusterStatus.MemberStatus::policy)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        return "each member's start configuration"
                + (inForce.isEmpty() ? "" : " (in force: " + String.join(", ", inForce) + ")");
    }

    private static String hold(@Nullable HoldView hold) {
        if (hold == null) {
            return "none (migrations are not held)";
        }
        if (hold.manualState() != null) {
            return hold.summary();
        }
        Long left = hold.remainingSeconds();
        String remaining = left == null
                ? ""
                : left >= 0
                        ? "; " + DurationConverter.show(Duration.ofSeconds(left)) + " left"
                        : "; deadline passed " + DurationConverter.show(Duration.ofSeconds(-left)) + " ago";
        return hold.summary() + remaining + (hold.inForce() ? "" : " (recorded, not in force)");
    }

    private static String session(ClusterStatus.MemberStatus member) {
        if (member.zookeeperSession() != null) {
            return member.zookeeperSession() + " (" + millis(member.sessionTimeoutMillis()) + ")";
        }
        return member.registrationSession() != null ? member.registrationSession() : "-";
    }

    private static String millis(@Nullable Long millis) {
        if (millis == null) {
            return "-";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** The member's note; {@code registryUnreadable}: its registration may be one this tool could not read. */
    private static String note(ClusterStatus.MemberStatus member, boolean registryUnreadable) {
        List<String> notes = new ArrayList<>();
        if (member.leader()) {
            notes.add("leader");
        }
        if (!member.inCluster()) {
            notes.add("registered but not in the cluster");
        }
        if (!member.registered()) {
            notes.add(
                    registryUnreadable
                            ? "in the cluster, no readable registration in ZooKeeper"
                            : "in the cluster but not registered in ZooKeeper");
        }
        if (member.zookeeperState() != null && !"CONNECTED".equals(member.zookeeperState())) {
            notes.add("ZooKeeper " + member.zookeeperState());
        }
        if (member.reportError() != null) {
            notes.add("did not answer: " + member.reportError());
        }
        return String.join("; ", notes);
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "-" : value;
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-10s%s", label, value)).append(System.lineSeparator());
    }
}
