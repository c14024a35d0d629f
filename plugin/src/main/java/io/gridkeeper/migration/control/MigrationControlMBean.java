package io.gridkeeper.migration.control;

/**
 * JMX view and operations of the migration controller on one member, registered as {@code
 * io.gridkeeper:type=Migration,instance=<hazelcast instance name>}. Operations write to ZooKeeper and take effect on
 * the whole cluster (the leader decides); they do a ZooKeeper round trip on the calling JMX thread.
 */
public interface MigrationControlMBean {

    /** The policy in force on this member and where it came from. */
    String getPolicy();

    /** Whether this member leads the migration decisions, and its epoch. */
    String getLeadership();

    /** The hold or rebalance in force, as stored in ZooKeeper and remembered by this member. */
    String getHold();

    /** The last decisions of the cluster, newest last, each with its causes. */
    String[] getDecisions();

    /**
     * Sets the cluster-wide policy from whitespace-separated {@code key=value} pairs, e.g. {@code policy=delayed,window
     * grace-seconds=120 start=02:00 end=05:00}; validated before anything is written.
     */
    void changePolicy(String settings);

    /** Removes the cluster-wide policy: every member returns to its start configuration. */
    void removePolicy();

    /** Asks the leader for a rebalance now. */
    void rebalance(String note);

    /** Asks the leader to hold migrations for {@code seconds} (the safety guard still overrules it). */
    void holdFor(long seconds, String note);
}
