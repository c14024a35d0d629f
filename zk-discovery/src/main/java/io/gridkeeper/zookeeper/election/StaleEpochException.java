package io.gridkeeper.zookeeper.election;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an action is fenced with an epoch that is no longer this member's current leadership term: the member
 * lost leadership, or another member has become leader with a higher epoch. The action must not be applied.
 */
public final class StaleEpochException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final long epoch;

    StaleEpochException(long epoch, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.epoch = epoch;
    }

    /** The epoch the rejected action was fenced with. */
    public long epoch() {
        return epoch;
    }
}
