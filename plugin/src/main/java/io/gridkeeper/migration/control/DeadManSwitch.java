package io.gridkeeper.migration.control;

import com.hazelcast.cluster.ClusterState;
import io.gridkeeper.migration.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a member that does not lead restores {@code ACTIVE} by itself because a hold outlived its deadline. Pure
 * and stateless: the controller passes the last hold it saw (from ZooKeeper, remembered while ZooKeeper is unreachable)
 * and the data members it sees in Hazelcast.
 *
 * <p>The member that wrote the hold runs this switch too once it no longer leads, so while that member is still in the
 * cluster the others leave the deadline to it for {@link #DEFER_TO_WRITER} more: a member cut off from ZooKeeper alone
 * does not see the live leader renew the hold and must not end it at once. A hold whose writer is gone, or that is
 * {@link #DEFER_TO_WRITER} past its deadline plus {@link #SLACK}, ends: a hold never outlives its deadline by more than
 * that.
 *
 * <p>A member ends each hold it saw at most once. If the cluster is back in {@code NO_MIGRATION} after that while the
 * member still sees the same hold, a leader it cannot see (it is cut off from ZooKeeper, where the new hold is stored)
 * decided it: ending that too would undo every hold of the new leader, which would then take the state as set by hand
 * and stop steering. The new leader's hold is ended by the members that can read it; only if none is left (the new
 * leader gone too and every other member cut off from ZooKeeper) can it outlive its deadline, until a leader or an
 * operator acts.
 */
final class DeadManSwitch {

    /** The name decisions of the switch carry. */
    static final String NAME = "dead-man-switch";
    /** How long past a hold's deadline the members wait for a leader to act. */
    static final Duration SLACK = Duration.ofSeconds(MigrationController.DEAD_MAN_SLACK_SECONDS);
    /** How much longer the others wait while the member that wrote the hold is still in the cluster. */
    static final Duration DEFER_TO_WRITER = Duration.ofSeconds(30);

    private DeadManSwitch() {}

    /**
     * Empty when there is nothing to end (no hold seen, the cluster is not in {@code NO_MIGRATION}, or this member
     * already ended this very hold once); otherwise a hold until the instant this member would act, or a rebalance with
     * the reason to act now.
     *
     * @param ended the hold this member's switch last ended, or null
     */
    static Optional<Decision> check(
            Instant now,
            @Nullable HoldRecord hold,
            @Nullable HoldRecord ended,
            ClusterState clusterState,
            String self,
            Collection<String> presentNodeIds) {
        if (hold == null
                || !hold.isHold()
                || hold.until() == null
                || clusterState != ClusterState.NO_MIGRATION
                || hold.equals(ended)) {
            return Optional.empty();
        }
        Instant until = hold.until();
        Instant act = until.plus(SLACK);
        boolean writerPresent = !self.equals(hold.leader()) && presentNodeIds.contains(hold.leader());
        if (writerPresent) {
            act = act.plus(DEFER_TO_WRITER);
        }
        if (now.isBefore(act)) {
            return Optional.of(Decision.hold(
                    NAME,
                    act,
                    "the hold by [%s] ends at [%s]; no leader acted yet, [%s] restores ACTIVE at [%s] unless a leader"
                            + " does%s",
                    hold.policy(),
                    until,
                    self,
                    act,
                    writerPresent
                            ? ", leaving it to [" + hold.leader()
                                    + "], which wrote the hold and is still a member, for ["
                                    + DEFER_TO_WRITER.toSeconds() + "s] more"
                            : ""));
        }
        return Optional.of(Decision.rebalance(
                NAME,
                "the hold by [%s] expired at [%s] and no leader acted within [%ds]%s; restoring ACTIVE",
                hold.policy(),
                until,
                Duration.between(until, act).toSeconds(),
                writerPresent ? ", although its writer [" + hold.leader() + "] is still a member" : ""));
    }
}
