package io.gridkeeper.migration.control;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.logging.ILogger;
import com.hazelcast.transaction.TransactionException;
import io.gridkeeper.zookeeper.election.StaleEpochException;
import java.time.Instant;

/**
 * Changes the cluster state, backing off exponentially ({@value #INITIAL_BACKOFF_MILLIS} ms doubling up to {@value
 * #MAX_BACKOFF_MILLIS} ms) while Hazelcast refuses: {@code changeClusterState} fails while migrations are pending, the
 * member list changes or another change runs. Never sleeps: a refused change is simply not retried before its next
 * attempt time. Confined to the controller's thread.
 */
final class ClusterStateSwitch {

    static final long INITIAL_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final int WARN_AFTER_ATTEMPTS = 8;

    private final Cluster cluster;
    private final ILogger logger;
    private int failedAttempts;
    private Instant nextAttempt = Instant.EPOCH;

    ClusterStateSwitch(Cluster cluster, ILogger logger) {
        this.cluster = cluster;
        this.logger = logger;
    }

    /**
     * Changes the state to {@code target} unless a refused attempt asks to wait; {@code fence} runs right before the
     * change and may veto it by throwing {@link StaleEpochException}, which is passed on.
     *
     * @return true when the state was changed now
     */
    boolean change(Instant now, ClusterState target, Runnable fence) {
        if (now.isBefore(nextAttempt)) {
            return false;
        }
        try {
            fence.run();
            cluster.changeClusterState(target);
            reset();
            return true;
        } catch (StaleEpochException e) {
            throw e;
        } catch (IllegalStateException | TransactionException e) {
            failedAttempts++;
            long delay = Math.min(MAX_BACKOFF_MILLIS, INITIAL_BACKOFF_MILLIS << Math.min(failedAttempts - 1, 10));
            nextAttempt = now.plusMillis(delay);
            String message = "Cannot set cluster state [" + target + "] yet (attempt " + failedAttempts + ", next in "
                    + delay + "ms): " + e.getMessage();
            if (failedAttempts == WARN_AFTER_ATTEMPTS) {
                logger.warning(message + "; Hazelcast refuses while migrations are pending or members change");
            } else {
                logger.fine(message, e);
            }
            return false;
        }
    }

    /** Forgets earlier refusals (new leadership term). */
    void reset() {
        failedAttempts = 0;
        nextAttempt = Instant.EPOCH;
    }
}
