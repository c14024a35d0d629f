package io.gridkeeper.cli;

import io.gridkeeper.migration.control.HoldRecord;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The hold the leader recorded in {@code <cluster>/migration/hold}, as {@code status} prints it and {@code doctor}
 * judges it: a policy or operator hold with its deadline and reason, or a cluster state set by hand.
 *
 * @param type {@code HOLD}, or {@code MANUAL} for a state set by hand
 * @param policy who holds: the deciding policy, {@code operator} or {@code safety}
 * @param reason the leader's explanation, with the observed values
 * @param until the deadline, null for a state set by hand
 * @param remainingSeconds seconds until the deadline when observed (negative once past it), null without deadline
 * @param inForce whether the cluster actually holds now (cluster state {@code NO_MIGRATION})
 * @param manualState the state a human set, null for a hold the leader decided
 * @param decidedAt when the leader decided it
 * @param leader the deciding leader's node id
 * @param epoch the deciding leader's epoch
 */
record HoldView(
        String type,
        String policy,
        String reason,
        @Nullable Instant until,
        @Nullable Long remainingSeconds,
        boolean inForce,
        @Nullable String manualState,
        Instant decidedAt,
        String leader,
        long epoch) {

    /**
     * The hold in a hold record, or null when the record holds nothing (a rebalance decision, or no record).
     *
     * @param clusterState the cluster state the members report, null when unknown
     * @param now the observation's clock
     */
    static @Nullable HoldView of(@Nullable HoldRecord record, @Nullable String clusterState, Instant now) {
        if (record == null || record.type() == null || !(record.isHold() || record.manualState() != null)) {
            return null;
        }
        Instant until = record.manualState() != null ? null : record.until();
        return new HoldView(
                record.type(),
                record.policy(),
                record.explanation(),
                until,
                until == null ? null : Duration.between(now, until).toSeconds(),
                record.manualState() == null && "NO_MIGRATION".equals(clusterState),
                record.manualState(),
                Instant.ofEpochMilli(record.decidedAtMillis()),
                record.leader(),
                record.epoch());
    }

    /** One line: who holds until when and why. */
    String summary() {
        if (manualState != null) {
            return "cluster state [" + manualState + "] set by hand; the leader does not steer migrations";
        }
        return "hold by [" + policy + "] until [" + until + "]: " + reason;
    }
}
