package io.gridkeeper.zookeeper.splitbrain;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.logging.ILogger;
import com.hazelcast.splitbrainprotection.HeartbeatAware;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionFunction;
import io.gridkeeper.zookeeper.MemberPayload;
import io.gridkeeper.zookeeper.ZookeeperMember;
import io.gridkeeper.zookeeper.election.ClusterLeadership;
import io.gridkeeper.zookeeper.election.LeaderElection;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The registry-backed verdict shared by the ZooKeeper split-brain protection functions: which of the members in view
 * hold a ZooKeeper registration, judged by the {@link Rule} a subclass names. Never blocks: it reads the member's
 * watched registry and election caches and Curator's connection flag only. Being {@link HeartbeatAware} makes
 * Hazelcast re-evaluate it periodically, so a lost ZooKeeper connection is noticed without a membership change.
 */
abstract class RegistryProtection implements SplitBrainProtectionFunction, HazelcastInstanceAware, HeartbeatAware {

    /** Member attribute holding the registration's node id (published by the discovery strategy). */
    static final String NODE_ID_ATTRIBUTE = "gridkeeper.node-id";

    /** How the registered members in view decide. */
    enum Rule {
        /** A strict majority of all registered members. */
        MAJORITY,
        /** A strict majority, or exactly half of the registered members with the current leader among them. */
        MAJORITY_OR_HALF_WITH_LEADER
    }

    private final Rule rule;
    private volatile @Nullable HazelcastInstance instance;
    private volatile @Nullable ILogger logger;
    /** The last explanation logged, so that each change of verdict is logged once. */
    private final AtomicReference<String> lastVerdict = new AtomicReference<>("");

    RegistryProtection(Rule rule) {
        this.rule = rule;
    }

    @Override
    public final void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
        this.logger = hazelcastInstance.getLoggingService().getLogger(getClass());
    }

    /** Evaluates the rule for this member's view and logs a change of verdict once. */
    @Override
    public final boolean apply(Collection<Member> members) {
        HazelcastInstance local = instance;
        Optional<ZookeeperMember> zookeeper = local == null ? Optional.empty() : ZookeeperMember.forInstance(local);
        Verdict verdict = zookeeper
                .map(member -> evaluate(
                        rule,
                        member,
                        members,
                        ClusterLeadership.forMember(member).flatMap(LeaderElection::currentLeader)))
                .orElse(new Verdict(false, "this member does not run Gridkeeper ZooKeeper discovery (yet)"));
        report(verdict);
        return verdict.present();
    }

    /**
     * The verdict for the given Hazelcast member list, from the member's watched registry.
     *
     * @param leader the member holding the leader latch as this member last saw it, empty when none
     */
    static Verdict evaluate(
            Rule rule, ZookeeperMember zookeeper, Collection<Member> members, Optional<LeaderIdentity> leader) {
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
        boolean leaderInView = false;
        for (Member member : members) {
            String nodeId = member.getAttribute(NODE_ID_ATTRIBUTE);
            String address =
                    member.getAddress().getHost() + ":" + member.getAddress().getPort();
            if ((nodeId != null && nodeIds.contains(nodeId)) || addresses.contains(address)) {
                present++;
                if (leader.isPresent() && isLeader(leader.get(), nodeId, address)) {
                    leaderInView = true;
                }
            }
        }
        String counts = "[" + present + "] of the [" + members.size() + "] members in view hold a ZooKeeper"
                + " registration, of [" + registered.size() + "] registered";
        boolean majority = present * 2 > registered.size();
        if (rule == Rule.MAJORITY || majority) {
            return new Verdict(majority, counts + "; a strict majority is " + (majority ? "" : "not ") + "present");
        }
        boolean half = present * 2 == registered.size();
        String leaderText = leader.isEmpty()
                ? "no leader is elected"
                : "the leader [" + leader.get() + "] is " + (leaderInView ? "" : "not ") + "in view";
        boolean tieWon = half && leaderInView;
        return new Verdict(
                tieWon,
                counts + "; no strict majority, " + (half ? "exactly half" : "less than half") + " and " + leaderText
                        + (tieWon ? ": this side wins the tie" : ""));
    }

    private static boolean isLeader(LeaderIdentity leader, @Nullable String nodeId, String address) {
        return nodeId != null
                ? leader.nodeId().equals(nodeId)
                : leader.address().equals(address);
    }

    @Override
    public final void onHeartbeat(Member member, long timestamp) {
        // nothing to record: being HeartbeatAware only makes Hazelcast call apply() periodically
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
