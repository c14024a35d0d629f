package io.gridkeeper.cli;

import io.gridkeeper.migration.control.HoldRecord;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.zookeeper.election.LeadershipView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The checks of {@code doctor}, each a pure function of a {@link DoctorInput} returning its findings (empty when all
 * is well). Thresholds are constructor arguments so tests and operators can tune them.
 *
 * @param maxClockSkew the largest clock difference tolerated between this machine, the members and ZooKeeper
 * @param holdWarning how close to its deadline a hold is reported
 * @param stuckAfter how long a rebalance may run without finishing before it is reported as stuck
 * @param minHitRatio the lowest acceptable cache hit ratio
 * @param minGets how many gets a cache needs before its hit ratio is judged
 */
record DoctorChecks(
        Duration maxClockSkew, Duration holdWarning, Duration stuckAfter, double minHitRatio, long minGets) {

    /** The checks' names in the order they run (the runbook in docs/cli.md explains each finding). */
    static final List<String> CHECKS = List.of(
            "zookeeper",
            "cluster",
            "leader",
            "membership",
            "partitions",
            "hold",
            "clocks",
            "timeouts",
            "migrations",
            "policy",
            "caches");

    /** What to do about a znode a ZooKeeper ACL hides from this tool. */
    static final String ACCESS_FIX = "run doctor with the cluster's ZooKeeper credential"
            + " (-Dgridkeeper.zookeeper.auth=user:password, or -Dgridkeeper.zookeeper.auth-scheme=sasl with a JAAS file;"
            + " docs/discovery.md), or give read access back to the znode (setAcl ... world:anyone:r)";

    static DoctorChecks defaults() {
        return new DoctorChecks(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(5), 0.5, 100);
    }

    List<Finding> run(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(zookeeper(input));
        findings.addAll(cluster(input));
        findings.addAll(leader(input));
        findings.addAll(membership(input));
        findings.addAll(partitions(input));
        findings.addAll(hold(input));
        findings.addAll(clocks(input));
        findings.addAll(timeouts(input));
        findings.addAll(migrations(input));
        findings.addAll(policy(input));
        findings.addAll(caches(input));
        return findings;
    }

    List<Finding> zookeeper(DoctorInput input) {
        if (input.zookeeperError() == null) {
            return List.of();
        }
        return List.of(Finding.critical(
                "zookeeper-unreachable",
                input.zookeeperError(),
                "members cannot register, find each other, elect a leader or record migration decisions; a hold ends"
                        + " at its deadline through the members' dead-man switch",
                "check that the ZooKeeper servers run and that this machine and the members reach them (connect"
                        + " string, firewall, TLS, chroot); then run doctor again"));
    }

    List<Finding> cluster(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        if (input.clusterError() != null) {
            findings.add(Finding.critical(
                    "cluster-unreachable",
                    input.clusterError(),
                    "no member answered a Hazelcast client: the cluster is down, or not reachable from here",
                    "check the members' processes and logs; compare --cluster-name and --cluster-id with the"
                            + " members'; check that the registered addresses are reachable from this machine"));
        }
        input.reportErrors()
                .forEach((address, error) -> findings.add(Finding.warning(
                        "member-not-answering",
                        "member [" + address + "] did not answer the doctor's task: " + error,
                        "the member is overloaded, paused, or lacks gridkeeper's classes (not started from"
                                + " gridkeeper.jar / without the plugin on its class path)",
                        "check the member's log and GC; put the gridkeeper plugin jar on its class path")));
        return findings;
    }

    List<Finding> leader(DoctorInput input) {
        List<Finding> unreadable = unreadable(input, Unreadable.Kind.ELECTION).stream()
                .map(znode -> znode.junk()
                        ? Finding.warning(
                                "election-unreadable",
                                "the election znodes hold junk: " + znode.line(),
                                "doctor cannot tell who leads; a member elected while the epoch znode holds junk cannot"
                                        + " take its term (its log repeats 'could not take a new epoch'), so no new"
                                        + " leader decides migrations",
                                "find what wrote to [" + znode.path() + "] past gridkeeper; write the last epoch back"
                                        + " ({\"epoch\":<n>}, n at least the epoch gridkeeper decisions shows) or, with"
                                        + " every member stopped, delete it")
                        : Finding.warning(
                                "election-unreadable",
                                "the election znodes are unreadable by this tool: " + znode.line(),
                                "a ZooKeeper ACL denies this tool read access (gridkeeper's own ACLs let anyone read):"
                                        + " doctor cannot tell who leads; the members use their own credential",
                                ACCESS_FIX))
                .toList();
        if (!unreadable.isEmpty()) {
            return unreadable;
        }
        LeadershipView leadership = input.leadership();
        if (leadership == null || input.zookeeperError() != null) {
            return List.of();
        }
        if (leadership.leader().isEmpty() && !input.registry().isEmpty()) {
            return List.of(Finding.critical(
                    "no-leader",
                    "no member leads the election although [" + input.registry().size()
                            + "] member(s) are registered (last epoch [" + leadership.epoch() + "])",
                    "nobody decides migrations: holds are not renewed and end at their deadline through the"
                            + " dead-man switch; operator commands wait",
                    "check the members' ZooKeeper connection (their logs show SUSPENDED/LOST); restart a member if"
                            + " its election is stuck"));
        }
        return List.of();
    }

    List<Finding> membership(DoctorInput input) {
        List<Unreadable> registrations = unreadable(input, Unreadable.Kind.REGISTRATION);
        List<Finding> findings = new ArrayList<>();
        registrations.forEach(znode -> findings.add(
                znode.junk()
                        ? Finding.warning(
                                "registration-unreadable",
                                "a znode in the registry is not a gridkeeper registration: " + znode.line(),
                                "discovery skips it (members warn once per version); if it overwrote a member's"
                                        + " registration, members and clients do not find that member through"
                                        + " ZooKeeper and doctor cannot match it to a Hazelcast member",
                                "find what wrote it past gridkeeper and delete it unless a member owns it; a member"
                                        + " registers again when its ZooKeeper session is re-established")
                        : Finding.warning(
                                "registration-unreadable",
                                "a registration is unreadable by this tool: " + znode.line(),
                                "a ZooKeeper ACL denies this tool read access (gridkeeper's own ACLs let anyone read):"
                                        + " doctor cannot match that registration to a Hazelcast member; members read"
                                        + " it with their own credential",
                                ACCESS_FIX)));
        if (input.zookeeperError() != null || input.clusterError() != null) {
            return findings;
        }
        Set<String> inCluster = input.clusterMembers().keySet();
        for (ClusterStatusReader.RegistryEntry entry : input.registry().values()) {
            if (!inCluster.contains(entry.privateAddress())
                    && (entry.publicAddress() == null || !inCluster.contains(entry.publicAddress()))) {
                findings.add(
                        Finding.warning(
                                "registered-not-in-cluster",
                                "member [" + entry.nodeId() + "] at [" + entry.privateAddress()
                                        + "] is registered in ZooKeeper but not in the Hazelcast cluster "
                                        + sorted(inCluster),
                                "split views: its ZooKeeper session is alive but Hazelcast does not list it (it is"
                                        + " frozen, cut off from the other members, in another cluster, or crashed less than a"
                                        + " session timeout ago); discovery still hands out its address",
                                "check that process (alive? long GC? network between members?); a crashed member's"
                                        + " registration disappears after the ZooKeeper session timeout; restart a frozen one"));
            }
        }
        Set<String> registered = new TreeSet<>();
        input.registry().values().forEach(entry -> {
            registered.add(entry.privateAddress());
            if (entry.publicAddress() != null) {
                registered.add(entry.publicAddress());
            }
        });
        input.clusterMembers().forEach((address, nodeId) -> {
            if (!registered.contains(address)) {
                findings.add(Finding.warning(
                        "in-cluster-not-registered",
                        "member [" + nodeId + "] at [" + address + "] is in the Hazelcast cluster but "
                                + (registrations.isEmpty()
                                        ? "not registered in ZooKeeper"
                                        : "no readable registration in ZooKeeper names it (it may be one of the ["
                                                + registrations.size() + "] unreadable ones, see"
                                                + " registration-unreadable)"),
                        "split views: its ZooKeeper session expired or it cannot reach ZooKeeper; it cannot lead,"
                                + " and new members and clients do not find it through discovery",
                        "check the network from that member to ZooKeeper and its log (session expired? long GC"
                                + " pause?); it registers again once its ZooKeeper client reconnects"));
            }
        });
        return findings;
    }

    List<Finding> partitions(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        MemberReport worst = MemberReports.worstBackup(input.reports().values()).orElse(null);
        if (worst != null && worst.partitionsWithoutBackup() > 0) {
            findings.add(Finding.warning(
                    "partitions-without-backup",
                    "[" + worst.partitionsWithoutBackup() + "] partitions have no backup, for ["
                            + worst.unprotectedSeconds() + "s] (cluster state [" + worst.clusterState() + "])",
                    "one more member loss loses their data; usually a policy holds migrations after a member left"
                            + " (the safety guard ends the hold at [max-unprotected-seconds])",
                    "if the member is not coming back soon: gridkeeper rebalance; see gridkeeper decisions for why"
                            + " the cluster holds"));
        }
        boolean unsafe = input.reports().values().stream().anyMatch(report -> !report.clusterSafe());
        if (unsafe && (worst == null || worst.partitionsWithoutBackup() == 0)) {
            findings.add(Finding.warning(
                    "cluster-not-safe",
                    "Hazelcast reports the cluster as not safe (replicas out of sync or migrations pending)",
                    "backups are being copied or partitions are moving; shutting down a member now may lose data",
                    "wait (gridkeeper rebalance --wait shows progress); if it lasts, see migrations-stuck"));
        }
        return findings;
    }

    List<Finding> hold(DoctorInput input) {
        List<Finding> unreadable = unreadable(input, Unreadable.Kind.HOLD).stream()
                .map(znode -> znode.junk()
                        ? Finding.warning(
                                "hold-unreadable",
                                "the hold record holds junk: " + znode.line(),
                                "only the leader writes it, so something wrote past gridkeeper; members ignore it and"
                                        + " keep the last hold they read for their dead-man switch; a new leader ignores"
                                        + " it and replaces it with its first decision, the leader in office with its"
                                        + " next decision or hold renewal; until then doctor cannot judge the hold"
                                        + " (deadline, leader's clock)",
                                "nothing to repair by hand; to have the leader replace it now: gridkeeper hold --for"
                                        + " <duration> (keeps migrations held) or gridkeeper rebalance; find what"
                                        + " writes to [" + znode.path() + "]")
                        : Finding.warning(
                                "hold-unreadable",
                                "the hold record is unreadable by this tool: " + znode.line(),
                                "a ZooKeeper ACL denies this tool read access (gridkeeper's own ACLs let anyone read):"
                                        + " doctor cannot judge the hold (deadline, leader's clock); the members use"
                                        + " their own credential",
                                ACCESS_FIX))
                .toList();
        if (!unreadable.isEmpty()) {
            return unreadable;
        }
        HoldView hold = HoldView.of(
                input.hold(), MemberReports.clusterState(input.reports().values()), input.now());
        if (hold == null) {
            return List.of();
        }
        if (hold.manualState() != null) {
            return List.of(Finding.warning(
                    "manual-cluster-state",
                    "the cluster state was set to [" + hold.manualState() + "] by hand; the leader respects it and"
                            + " does not steer migrations",
                    "no policy acts until the state is changed back or an operator command arrives",
                    "gridkeeper rebalance (hands control back to the policy), or set the state back to ACTIVE"));
        }
        Instant until = hold.until();
        if (!hold.inForce() || until == null) {
            return List.of();
        }
        Duration left = Duration.between(input.now(), until);
        String summary = hold.summary();
        if (left.toSeconds() < -MigrationController.DEAD_MAN_SLACK_SECONDS - 5) {
            return List.of(Finding.critical(
                    "hold-past-deadline",
                    summary + "; the deadline passed [" + -left.toSeconds() + "s] ago and the cluster still holds",
                    "neither the leader nor the members' dead-man switch restored ACTIVE: missing backups are not"
                            + " being re-created",
                    "gridkeeper rebalance; if nothing changes, set the cluster state to ACTIVE by hand (Management"
                            + " Center or hz-cli) and check the members' logs"));
        }
        if (left.compareTo(holdWarning) <= 0) {
            return List.of(Finding.info(
                    "hold-near-deadline",
                    summary + "; [" + Math.max(0, left.toSeconds()) + "s] left",
                    "migrations start when it ends (one rebalance covering everything held so far)",
                    "nothing to do; to extend it: gridkeeper hold --for <duration>; to end it now: gridkeeper"
                            + " rebalance"));
        }
        return List.of(Finding.info(
                "hold-in-force",
                summary + "; [" + DurationConverter.show(left) + "] left",
                "partition migrations are held (cluster state NO_MIGRATION) by design",
                "to end it now: gridkeeper rebalance"));
    }

    List<Finding> clocks(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        long tolerance = maxClockSkew.toMillis();
        input.clockSkewMillis().forEach((address, skew) -> {
            if (Math.abs(skew) > tolerance) {
                findings.add(Finding.warning(
                        "clock-skew",
                        "the clock of member [" + address + "] is [" + skew + "ms] "
                                + (skew > 0 ? "ahead of" : "behind") + " this machine's (tolerated ["
                                + tolerance + "ms])",
                        "hold deadlines are wall-clock instants shared through ZooKeeper: a skewed leader or member"
                                + " ends holds early or late and the dead-man switch misfires",
                        "synchronise clocks with NTP (chrony/ntpd) on every member and on this machine"));
            }
        });
        HoldRecord hold = input.hold();
        Instant written = input.holdWrittenAt();
        if (hold != null && written != null && hold.decidedAtMillis() > 0) {
            long skew = hold.decidedAtMillis() - written.toEpochMilli();
            if (Math.abs(skew) > tolerance) {
                findings.add(Finding.warning(
                        "clock-skew",
                        "the leader [" + hold.leader() + "] stamped its last decision [" + skew + "ms] away from"
                                + " ZooKeeper's clock (znode mtime; tolerated [" + tolerance + "ms])",
                        "the leader's clock and ZooKeeper's disagree: hold deadlines are off by that much",
                        "synchronise clocks with NTP on the members and the ZooKeeper servers"));
            }
        }
        return findings;
    }

    List<Finding> timeouts(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        Collection<MemberReport> reports = input.reports().values();
        Set<Long> heartbeats = reports.stream()
                .map(MemberReport::maxNoHeartbeatSeconds)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sessions = reports.stream()
                .map(DoctorChecks::sessionTimeout)
                .filter(Objects::nonNull)
                .map(SessionTimeout::shown)
                .collect(Collectors.toCollection(TreeSet::new));
        if (heartbeats.size() > 1) {
            findings.add(Finding.warning(
                    "timeouts-differ",
                    "members use different [hazelcast.max.no.heartbeat.seconds] " + heartbeats,
                    "members detect failures at different speeds, so they disagree about who is alive",
                    "set the same hazelcast.max.no.heartbeat.seconds on every member"));
        }
        if (sessions.size() > 1) {
            findings.add(Finding.warning(
                    "timeouts-differ",
                    "members have different ZooKeeper session timeouts " + sessions,
                    "members drop out of the registry and the election at different speeds",
                    "set the same session-timeout-seconds on every member (and check that every ZooKeeper server"
                            + " has the same tickTime/maxSessionTimeout)"));
        }
        for (MemberReport report : reports) {
            SessionTimeout session = sessionTimeout(report);
            if (session != null && session.millis() > report.maxNoHeartbeatSeconds() * 1000) {
                long differenceSeconds = (session.millis() + 999) / 1000 - report.maxNoHeartbeatSeconds();
                findings.add(Finding.warning(
                        "timeouts-disagree",
                        "member [" + report.nodeId() + "]: " + session.describe()
                                + " is longer than [hazelcast.max.no.heartbeat.seconds="
                                + report.maxNoHeartbeatSeconds() + "]",
                        "after a member dies Hazelcast removes it first while ZooKeeper keeps its registration, and"
                                + " a dead leader keeps leading, for [" + differenceSeconds
                                + "s] more: split views and no migration decisions meanwhile",
                        "lower session-timeout-seconds to at most hazelcast.max.no.heartbeat.seconds (the ZooKeeper"
                                + " server grants between 2 and 20 x tickTime unless minSessionTimeout/"
                                + "maxSessionTimeout say otherwise)"));
                break;
            }
        }
        return findings;
    }

    /**
     * A member's ZooKeeper session timeout: the one the server negotiated for its live session when known, else the
     * configured one.
     */
    private record SessionTimeout(
            long millis, boolean negotiated, @Nullable Long configuredSeconds) {

        String shown() {
            return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
        }

        String describe() {
            if (!negotiated) {
                return "ZooKeeper [session-timeout-seconds=" + configuredSeconds + "] (configured; the member"
                        + " reported no live session)";
            }
            return "the ZooKeeper session timeout the server negotiated [" + shown() + "] (configured ["
                    + "session-timeout-seconds=" + configuredSeconds + "])";
        }
    }

    private static @Nullable SessionTimeout sessionTimeout(MemberReport report) {
        Long negotiated = report.negotiatedSessionTimeoutMillis();
        if (negotiated != null) {
            return new SessionTimeout(negotiated, true, report.sessionTimeoutSeconds());
        }
        Long configured = report.sessionTimeoutSeconds();
        return configured == null ? null : new SessionTimeout(configured * 1000, false, configured);
    }

    List<Finding> migrations(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        long failed = input.reports().values().stream()
                .mapToLong(report -> report.migrationMetrics().getOrDefault("migrationsFailed", 0L))
                .max()
                .orElse(0);
        boolean safe =
                !input.reports().isEmpty() && input.reports().values().stream().allMatch(MemberReport::clusterSafe);
        if (failed > 0 && !safe) {
            findings.add(Finding.warning(
                    "migrations-failing",
                    "[" + failed + "] replica migrations failed (metric gridkeeper.migration.migrationsFailed) and"
                            + " the cluster is not safe",
                    "Hazelcast retries failed migrations, but repeated failures mean a member cannot receive data"
                            + " (memory, network, a member leaving during migration)",
                    "check the members' logs for migration errors and their heap; the count is cumulative since the"
                            + " member started"));
        } else if (failed > 0) {
            // The counter is cumulative: a migration that failed because its member died is history once the
            // cluster is safe again, and must not keep a healthy cluster unhealthy.
            findings.add(Finding.info(
                    "migrations-failed-earlier",
                    "[" + failed + "] replica migrations failed since the members started; the cluster is safe now",
                    "earlier migrations failed (typically a member left while they ran) and Hazelcast recovered",
                    "nothing to do unless the count keeps growing; check the members' logs if it does"));
        }
        input.reports().values().stream()
                .map(MemberReport::migration)
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(progress -> {
                    boolean unsafe = input.reports().values().stream().anyMatch(r -> !r.clusterSafe());
                    Duration running = Duration.ofMillis(input.now().toEpochMilli() - progress.startedAtMillis());
                    if (unsafe
                            && progress.remaining() > 0
                            && progress.startedAtMillis() > 0
                            && running.compareTo(stuckAfter) > 0) {
                        findings.add(Finding.warning(
                                "migrations-stuck",
                                "the rebalance started [" + DurationConverter.show(running) + "] ago still has ["
                                        + progress.remaining() + "] of [" + progress.planned()
                                        + "] migrations left (queued [" + progress.queued() + "])",
                                "partitions are not moving: backups stay missing and members cannot leave safely",
                                "check the master's log for migration errors; members in NO_MIGRATION or a member"
                                        + " that keeps rejoining stop migrations; gridkeeper decisions shows holds"));
                    }
                });
        return findings;
    }

    List<Finding> policy(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        for (Unreadable znode : unreadable(input, Unreadable.Kind.POLICY)) {
            findings.add(
                    znode.junk()
                            ? Finding.warning(
                                    "policy-invalid",
                                    "the cluster-wide policy in ZooKeeper is invalid: " + znode.line(),
                                    "members ignore it and keep the policy they had",
                                    "gridkeeper policy set <policy> [--setting key=value], or gridkeeper policy reset")
                            : Finding.warning(
                                    "policy-unreadable",
                                    "the cluster-wide policy is unreadable by this tool: " + znode.line(),
                                    "a ZooKeeper ACL denies this tool read access (gridkeeper's own ACLs let anyone"
                                            + " read): doctor cannot check which policy it sets; members with the"
                                            + " cluster's credential read and apply it",
                                    ACCESS_FIX));
        }
        if (input.policyError() != null) {
            findings.add(Finding.warning(
                    "policy-invalid",
                    "the cluster-wide policy in ZooKeeper is invalid: " + input.policyError(),
                    "members ignore it and keep the policy they had",
                    "gridkeeper policy set <policy> [--setting key=value], or gridkeeper policy reset"));
        }
        Set<String> policies = input.reports().values().stream()
                .map(report -> report.policy() == null ? "none (migration control off)" : report.policy())
                .collect(Collectors.toCollection(TreeSet::new));
        if (policies.size() > 1) {
            findings.add(Finding.warning(
                    "policy-differs",
                    "members run different migration policies " + policies,
                    "only the leader's policy decides, so the behaviour changes when leadership moves",
                    "gridkeeper policy set <policy> sets one policy for every member"));
        }
        return findings;
    }

    List<Finding> caches(DoctorInput input) {
        List<Finding> findings = new ArrayList<>();
        if (input.caches() == null) {
            return findings;
        }
        for (CacheStats cache : input.caches()) {
            if (cache.gets() >= minGets && cache.hitRatio() < minHitRatio) {
                findings.add(Finding.warning(
                        "cache-hit-ratio-low",
                        String.format(
                                Locale.ROOT,
                                "cache [%s] hit ratio [%.1f%%] over [%d] gets is below [%.0f%%]",
                                cache.name(),
                                cache.hitRatio() * 100,
                                cache.gets(),
                                minHitRatio * 100),
                        "most reads miss and go to the backing store: the cache costs more than it saves",
                        "check the expiry policy (entries expiring too soon), eviction on the IMap, and whether the"
                                + " application reads keys it never writes"));
            }
        }
        return findings;
    }

    /** The unreadable znodes of {@code kind} (none when ZooKeeper itself was unreachable). */
    private static List<Unreadable> unreadable(DoctorInput input, Unreadable.Kind kind) {
        return input.unreadable().stream().filter(znode -> znode.kind() == kind).toList();
    }

    private static String sorted(Collection<String> values) {
        return new TreeSet<>(values).toString();
    }

    /** The doctor's verdict: the worst severity among the findings, INFO when there are none. */
    static Finding.Severity worst(List<Finding> findings) {
        return findings.stream()
                .map(Finding::severity)
                .max(Comparator.naturalOrder())
                .orElse(Finding.Severity.INFO);
    }
}
