package io.gridkeeper.zookeeper.splitbrain;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.splitbrainprotection.HeartbeatAware;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionFunction;
import java.util.Collection;

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
 * member's watched registry cache and Curator's connection flag only. Being {@link HeartbeatAware} makes Hazelcast
 * re-evaluate it periodically, so a lost ZooKeeper connection is noticed without a membership change.
 */
public final class ZookeeperSplitBrainProtectionFunction
        implements SplitBrainProtectionFunction, HazelcastInstanceAware, HeartbeatAware {

    private final RegistryProtection protection =
            new RegistryProtection(RegistryProtection.Rule.MAJORITY, ZookeeperSplitBrainProtectionFunction.class);

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        protection.setHazelcastInstance(hazelcastInstance);
    }

    @Override
    public boolean apply(Collection<Member> members) {
        return protection.apply(members);
    }

    @Override
    public void onHeartbeat(Member member, long timestamp) {
        // nothing to record: being HeartbeatAware only makes Hazelcast call apply() periodically
    }
}
