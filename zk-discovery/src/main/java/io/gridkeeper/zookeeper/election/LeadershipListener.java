package io.gridkeeper.zookeeper.election;

/**
 * Told when this member gains or loses leadership. Calls arrive on the election's own single thread (never the
 * ZooKeeper event thread), in order, and only on a real change: {@code leadershipLost} always follows the matching
 * {@code leadershipGained} with the same epoch. Implementations must not block for long; hand long work to an
 * executor of your own.
 */
public interface LeadershipListener {

    /** This member became leader for the term {@code epoch}; fence every leader action with it. */
    void leadershipGained(long epoch);

    /** This member is no longer leader; actions fenced with {@code epoch} are now rejected. */
    void leadershipLost(long epoch);
}
