package io.gridkeeper.zookeeper.splitbrain;

/**
 * Split-brain protection that trusts ZooKeeper, not the member count: the local side has protection when the local
 * member holds a live ZooKeeper session, is registered, and the Hazelcast members it sees that are also registered in
 * ZooKeeper are a strict majority of all registered members.
 *
 * <p>Configure it by class name for any map or cache ({@code split-brain-protection} with
 * {@code function-class-name: io.gridkeeper.zookeeper.splitbrain.ZookeeperSplitBrainProtectionFunction}; Hazelcast
 * still requires a {@code minimum-cluster-size}, which this function ignores). For a rule that also decides exact
 * halves, see {@link ZookeeperLeaderTieBreakSplitBrainProtectionFunction}.
 *
 * <p>Threading: {@link #apply} runs on Hazelcast's membership and heartbeat threads and never blocks: it reads the
 * member's watched registry cache and Curator's connection flag only. Being {@link com.hazelcast.splitbrainprotection.HeartbeatAware} makes Hazelcast
 * re-evaluate it periodically, so a lost ZooKeeper connection is noticed without a membership change.
 */
public final class ZookeeperSplitBrainProtectionFunction extends RegistryProtection {

    /** Instantiated by Hazelcast from the configured class name. */
    public ZookeeperSplitBrainProtectionFunction() {
        super(Rule.MAJORITY);
    }
}
