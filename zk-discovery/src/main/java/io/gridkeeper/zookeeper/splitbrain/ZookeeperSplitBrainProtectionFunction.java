package io.gridkeeper.zookeeper.splitbrain;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.logging.ILogger;
import com.hazelcast.splitbrainprotection.HeartbeatAware;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionFunction;
import io.gridkeeper.zookeeper.MemberPayload;
import io.gridkeeper.zookeeper.ZookeeperMember;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Split-brain protection that trusts ZooKeeper, not the member count: the local side has protection when the local
 * member holds a live ZooKeeper session, is registered, and the Hazelcast members it sees that are also registered in
 * ZooKeeper are a strict majority of all registered members.
 *
 * <p>Configure it by class name for any map or cache ({@code split-brain-protection} with
 * {@code function-class-name: io.gridkeeper.zookeeper.splitbrain.ZookeeperSplitBrainProtectionFunction}; Hazelcast
 * still requires a {@code minimum-cluster-size}, which this function ignores).
 *
 * <p>Threading: {@link #apply} runs on Hazelcast's membership and heartbeat threads and never blocks: it reads the
 * member's watched registry cache and Curator's connection flag only. Being {@link HeartbeatAware} makes Hazelcast
 * re-evaluate it periodically, so a lost ZooKeeper connection is noticed without a membership change.
 */
public final class ZookeeperSplitBrainProtectionFunction
        implements SplitBrainProtectionFunction, HazelcastInstanceAware, HeartbeatAware {

    /** Member attribute holding the registration's node id (published by the discovery strategy). */
    static final String NODE_ID_ATTRIBUTE = "gridkeeper.node-id";

    private volatile @Nullable HazelcastInstance instance;
    private volatile @Nullable ILogger logger;
    /** The last explanation logged, so that each change of verdict is logged once. */
    private final AtomicReference<String> lastVerdict = new AtomicReference<>("");

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
        this.logger = hazelcastInstance.getLoggingService().getLogger(ZookeeperSplitBrainProtectionFunction.class);
    }

    @Override
    public boolean apply(Collection<Member> members) {
        HazelcastInstance local = instance;
        Optional<ZookeeperMember> zookeeper = local == null ? Optional.empty() : ZookeeperMember.forInstance(local);
        Verdict verdict = zookeeper
                .map(member -> evaluate(member, members))
                .orElse(new Verdict(false, "this member does not run Gridkeeper ZooKeeper discovery (yet)"));
        report(verdict);
        return verdict.present();
    }

    @Override
    public void onHeartbeat(Member member, long timestamp) {
        // nothing to record: being HeartbeatAware only makes Hazelcast call apply() periodically
    }

    /** The verdict for the given Hazelcast member list, from the member's watched registry. */
    static Verdict evaluate(ZookeeperMember zookeeper, Collection<Member> members) {
        if (!zookeeper.curator().getZookeeperClient().isConnected()) {
            return new Verdict(
                    false,
                    "this member [" + zookeeper.nodeId() + "] is not connected to ZooKeeper ["
                            + zookeeper.config().connectString() + "]; its registration may be gone");
        }
        List<MemberPayload> registered = zookeeper.registeredMembers();
        Set<String> nodeIds = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (MemberPayload payload : registered) {
            nodeIds.add(payload.nodeId());
            addresses.add(payload.privateAddress());
        }
        if (!nodeIds.contains(zookeeper.nodeId())) {
            return new Verdict(false, "this member [" + zookeeper.nodeId() + "] is not registered in ZooKeeper (yet)");
        }
        int present = 0;
        for (Member member : members) {
            String nodeId = member.getAttribute(NODE_ID_ATTRIBUTE);
            String address =
                    member.getAddress().getHost() + ":" + member.getAddress().getPort();
            if ((nodeId != null && nodeIds.contains(nodeId)) || addresses.contains(address)) {
                present++;
            }
        }
        boolean majority = present * 2 > registered.size();
        return new Verdict(
                majority,
                "[" + present + "] of the [" + members.size() + "] members in view hold a ZooKeeper registration, of ["
                        + registered.size() + "] registered; a strict majority is " + (majority ? "" : "not ")
                        + "present");
    }

    private void report(Verdict verdict) {
        String text = (verdict.present() ? "present: " : "absent: ") + verdict.explanation();
        ILogger log = logger;
        if (log != null && !text.equals(lastVerdict.getAndSet(text))) {
            if (verdict.present()) {
                log.info("ZooKeeper split-brain protection " + text);
            } else {
                log.warning("ZooKeeper split-brain protection " + text);
            }
        }
    }

    /** Whether the protection is present, and why. */
    record Verdict(boolean present, String explanation) {}
}
