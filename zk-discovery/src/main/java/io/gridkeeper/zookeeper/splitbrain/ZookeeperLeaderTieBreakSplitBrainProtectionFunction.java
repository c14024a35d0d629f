package io.gridkeeper.zookeeper.splitbrain;

/**
 * {@link ZookeeperSplitBrainProtectionFunction} with the "side with the leader" rule: the local side has protection
 * when the local member holds a live ZooKeeper session, is registered, and the registered members it sees are either
 * a strict majority of all registered members, or <b>exactly half</b> of them with the current Gridkeeper leader
 * (the holder of the leader latch in ZooKeeper) among them.
 *
 * <p>It decides the splits member counting cannot: an even split (2 + 2 of 4, 1 + 1 of 2) gives protection to the side
 * with the leader only. The leader latch has one holder in ZooKeeper, and two disjoint sides cannot both hold half or
 * more of the registered members unless they are exact halves, so at most one side has protection at a time (as far
 * as each member's watched view of the registry and the latch is current). A strict majority does not need the
 * leader: requiring it there would leave the majority read-only whenever the leader is cut off with a minority, and
 * for a whole session timeout after the leader is killed.
 *
 * <p>Configure it by class name ({@code function-class-name:
 * io.gridkeeper.zookeeper.splitbrain.ZookeeperLeaderTieBreakSplitBrainProtectionFunction}). Threading as for {@link
 * ZookeeperSplitBrainProtectionFunction}: never blocks, reads watched caches only.
 */
public final class ZookeeperLeaderTieBreakSplitBrainProtectionFunction extends RegistryProtection {

    /** Instantiated by Hazelcast from the configured class name. */
    public ZookeeperLeaderTieBreakSplitBrainProtectionFunction() {
        super(Rule.MAJORITY_OR_HALF_WITH_LEADER);
    }
}
