package io.gridkeeper.migration.control;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.logging.ILogger;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Notices a cluster state that a human set by hand (Management Center, REST, {@code hz-cluster-admin}) and keeps the
 * controller from fighting it: a state other than the one the controller last applied, unless an operator's rebalance
 * request explains it, is respected until the state is changed back, an operator command is issued after it, or the
 * policy changes. {@code FROZEN} and {@code PASSIVE} are always respected. Confined to the controller's thread.
 */
final class ManualStateWatch {

    /** What the controller may do this round. */
    enum Verdict {
        /** Steer as usual. */
        STEER,
        /** A state set by hand is in force: do nothing. */
        RESPECT,
        /** A state set by hand was just noticed: record it, then do nothing. */
        NOTICED,
        /** A state set by hand is no longer respected: forget what was recorded and steer again. */
        ENDED
    }

    private final ILogger logger;
    private @Nullable ClusterState lastApplied;
    private @Nullable ClusterState previous;
    private @Nullable String manualState;
    private @Nullable Instant manualSince;
    private @Nullable String manualPolicy;

    ManualStateWatch(ILogger logger) {
        this.logger = logger;
    }

    /** A new leadership term starts from the current state and the manual state stored by the previous leader. */
    void resume(ClusterState current, @Nullable String storedManualState, Instant now, String policy) {
        lastApplied = current;
        manualState = storedManualState;
        manualSince = storedManualState == null ? null : now;
        manualPolicy = storedManualState == null ? null : policy;
    }

    /** The controller set (or found) this state. */
    void applied(ClusterState state) {
        lastApplied = state;
    }

    @Nullable
    ClusterState lastApplied() {
        return lastApplied;
    }

    Verdict check(Instant now, ClusterState clusterState, @Nullable CommandsRecord commands, String policy) {
        boolean frozen = clusterState == ClusterState.FROZEN || clusterState == ClusterState.PASSIVE;
        if (manualState != null) {
            boolean commandSince =
                    commands != null && manualSince != null && commands.issuedAtMillis() >= manualSince.toEpochMilli();
            boolean policyChanged = !policy.equals(manualPolicy);
            if (!frozen && (commandSince || policyChanged)) {
                return end(clusterState, commandSince ? "an operator command arrived" : "the policy changed");
            }
            if (manualState.equals(clusterState.name())) {
                return Verdict.RESPECT;
            }
            if (!frozen && clusterState == lastApplied) {
                return end(clusterState, "the state was changed back to [" + clusterState + "]");
            }
        } else if (lastApplied == null) {
            if (!frozen) {
                lastApplied = clusterState;
                return Verdict.STEER;
            }
        } else if (clusterState == lastApplied && !frozen) {
            return Verdict.STEER;
        } else if (clusterState == ClusterState.ACTIVE && rebalanceRequested(commands)) {
            // A member shutting down (or an operator) asked for the rebalance it just started.
            lastApplied = clusterState;
            return Verdict.STEER;
        }
        previous = lastApplied;
        manualState = clusterState.name();
        manualSince = now;
        manualPolicy = policy;
        return Verdict.NOTICED;
    }

    /** The explanation recorded for a state just {@link Verdict#NOTICED noticed}. */
    String explanation(ClusterState clusterState) {
        return "cluster state changed by hand to [" + clusterState + "]"
                + (previous == null ? "" : ", the controller had set [" + previous + "]")
                + "; respected: the controller stops steering until the state is changed back, an operator runs"
                + " `gridkeeper rebalance` or `gridkeeper hold`, or the policy changes";
    }

    static boolean rebalanceRequested(@Nullable CommandsRecord commands) {
        return commands != null && commands.rebalanceRequestedAtMillis() != null;
    }

    private Verdict end(ClusterState clusterState, String why) {
        logger.info("Cluster state [" + manualState + "] set by hand is no longer respected: " + why
                + "; the controller steers again");
        manualState = null;
        manualSince = null;
        manualPolicy = null;
        lastApplied = clusterState;
        return Verdict.ENDED;
    }
}
