package io.gridkeeper.migration;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules above every policy; no policy, composite or operator hold can get past them:
 *
 * <ol>
 *   <li>never hold before Hazelcast has assigned the partitions (it assigns them on first use, and refuses to in
 *       {@code NO_MIGRATION}, so the first data access would fail);
 *   <li>never hold while a partition may have lost more replicas than {@code max-lost-replicas} allows (default 1):
 *       the worst case is the larger of what the partition table shows and the number of missing data members
 *       (each holds at most one replica of a partition), so a second data member leaving during a hold with
 *       backup-count 1 ends the hold at once;
 *   <li>never keep partitions without any backup longer than {@code max-unprotected-seconds} (default 300): a longer
 *       hold is shortened to that limit, and once it has passed the guard rebalances;
 *   <li>a hold never outlives its deadline: a hold whose deadline is not after now becomes a rebalance.
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class SafetyGuard {

    public static final String NAME = "safety";
    public static final String MAX_LOST_REPLICAS = "max-lost-replicas";
    public static final String MAX_UNPROTECTED_SECONDS = "max-unprotected-seconds";
    public static final Set<String> SETTING_KEYS = Set.of(MAX_LOST_REPLICAS, MAX_UNPROTECTED_SECONDS);
    public static final int DEFAULT_MAX_LOST_REPLICAS = 1;
    public static final long DEFAULT_MAX_UNPROTECTED_SECONDS = 300;

    private final int maxLostReplicas;
    private final Duration maxUnprotected;

    public SafetyGuard(PolicySettings settings) {
        this.maxLostReplicas = (int) settings.longValue(MAX_LOST_REPLICAS, DEFAULT_MAX_LOST_REPLICAS, 0, 6);
        this.maxUnprotected = settings.seconds(MAX_UNPROTECTED_SECONDS, DEFAULT_MAX_UNPROTECTED_SECONDS, 0);
    }

    /** The guard with its defaults. */
    public static SafetyGuard defaults() {
        return new SafetyGuard(PolicySettings.empty());
    }

    public int maxLostReplicas() {
        return maxLostReplicas;
    }

    public Duration maxUnprotected() {
        return maxUnprotected;
    }

    /** {@code decision} itself when it is safe, otherwise a rebalance or a shortened hold naming it as the cause. */
    public Decision apply(Decision decision, ClusterView view) {
        requireNonNull(decision, "decision");
        if (decision.isRebalance()) {
            return decision;
        }
        PartitionHealth partitions = view.partitions();
        if (!partitions.assigned()) {
            return Decision.rebalance(
                            NAME,
                            "the [%d] partitions are not assigned yet and hazelcast assigns them on first use only"
                                    + " while migrations are allowed; no hold until then",
                            partitions.partitionCount())
                    .withCauses(List.of(decision));
        }
        int missing = view.departures().size();
        int lost = Math.max(partitions.maxLostReplicas(), Math.min(missing, partitions.backupCount() + 1));
        if (lost > maxLostReplicas) {
            return Decision.rebalance(
                            NAME,
                            "partitions may have lost [%d] replicas with [%d] data members missing %s and backup-count"
                                    + " [%d], more than allowed [%s=%d]; rebalancing at once to re-create backups",
                            lost,
                            missing,
                            nodeIds(view.departures()),
                            partitions.backupCount(),
                            MAX_LOST_REPLICAS,
                            maxLostReplicas)
                    .withCauses(List.of(decision));
        }
        Instant until = decision.requireUntil();
        if (partitions.withoutBackup() > 0 && partitions.backupCount() > 0) {
            Instant since = partitions.unprotectedSince() == null ? view.now() : partitions.unprotectedSince();
            Instant limit = since.plus(maxUnprotected);
            if (!view.now().isBefore(limit)) {
                return Decision.rebalance(
                                NAME,
                                "[%d] partitions have had no backup since [%s], [%ds] ago, the limit [%s=%d];"
                                        + " rebalancing at once",
                                partitions.withoutBackup(),
                                show(since),
                                Duration.between(since, view.now()).toSeconds(),
                                MAX_UNPROTECTED_SECONDS,
                                maxUnprotected.toSeconds())
                        .withCauses(List.of(decision));
            }
            if (until.isAfter(limit)) {
                return Decision.hold(
                                NAME,
                                limit,
                                "hold of [%s] shortened from [%s] to [%s]: [%d] partitions without backup since [%s]"
                                        + " may stay unprotected at most [%s=%d]",
                                decision.policy(),
                                show(until),
                                show(limit),
                                partitions.withoutBackup(),
                                show(since),
                                MAX_UNPROTECTED_SECONDS,
                                maxUnprotected.toSeconds())
                        .withCauses(List.of(decision));
            }
        }
        if (!until.isAfter(view.now())) {
            return Decision.rebalance(
                            NAME,
                            "hold of [%s] reached its deadline [%s]; a hold never outlives its deadline",
                            decision.policy(),
                            show(until))
                    .withCauses(List.of(decision));
        }
        return decision;
    }

    private static String nodeIds(List<Departure> departures) {
        return departures.stream().map(Departure::nodeId).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static Instant show(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "SafetyGuard[" + MAX_LOST_REPLICAS + "=" + maxLostReplicas + ", " + MAX_UNPROTECTED_SECONDS + "="
                + maxUnprotected.toSeconds() + "]";
    }
}
