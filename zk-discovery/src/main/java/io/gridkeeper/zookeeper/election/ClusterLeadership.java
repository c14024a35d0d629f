package io.gridkeeper.zookeeper.election;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.logging.ILogger;
import io.gridkeeper.zookeeper.ZookeeperMember;
import java.io.Closeable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leader elections of the members running in this JVM: the discovery strategy starts one per member (sharing the
 * member's ZooKeeper connection) and other components look it up here.
 *
 * <pre>{@code
 * LeaderElection election = ClusterLeadership.forInstance(hazelcastInstance).orElseThrow();
 * election.addListener(listener);           // told leadershipGained(epoch) at once if this member already leads
 * election.runFenced(epoch, () -> apply()); // StaleEpochException when a newer leader took over
 * }</pre>
 */
public final class ClusterLeadership {

    private static final Map<ZookeeperMember, LeaderElection> ELECTIONS = new ConcurrentHashMap<>();

    private ClusterLeadership() {}

    /**
     * Starts the election of {@code member} under its cluster path; closing the result leaves the election.
     *
     * @throws IllegalStateException when the member already runs one
     */
    public static Closeable start(ZookeeperMember member, ILogger logger) {
        LeaderIdentity self = new LeaderIdentity(
                member.nodeId(),
                member.address().getHost() + ":" + member.address().getPort());
        LeaderElection election = new LeaderElection(member.curator(), member.clusterPath(), self, logger);
        if (ELECTIONS.putIfAbsent(member, election) != null) {
            throw new IllegalStateException("Member [" + member + "] already takes part in a leader election");
        }
        try {
            election.start();
        } catch (RuntimeException e) {
            ELECTIONS.remove(member, election);
            throw e;
        }
        return () -> {
            ELECTIONS.remove(member, election);
            election.close();
        };
    }

    /** The election of a member of this JVM, if it runs ZooKeeper discovery. */
    public static Optional<LeaderElection> forMember(ZookeeperMember member) {
        return Optional.ofNullable(ELECTIONS.get(member));
    }

    /** The election of this member instance, if it runs ZooKeeper discovery. */
    public static Optional<LeaderElection> forInstance(HazelcastInstance instance) {
        return ZookeeperMember.forInstance(instance).flatMap(ClusterLeadership::forMember);
    }
}
