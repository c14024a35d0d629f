package io.gridkeeper.zookeeper.splitbrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionFunction;
import io.gridkeeper.zookeeper.TestMembers;
import io.gridkeeper.zookeeper.ZookeeperMember;
import io.gridkeeper.zookeeper.election.ClusterLeadership;
import io.gridkeeper.zookeeper.election.LeaderElection;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four real members registered in a real ZooKeeper, one of them the elected leader. Each side of a split is the
 * member list a member of that side would see; both functions judge it with the member's live registry and leader
 * latch. The majority function cannot pick a side of an even split; the tie-break function gives it to the leader's.
 */
final class LeaderTieBreakProtectionTest {

    private static TestingServer zookeeper;
    private static final List<HazelcastInstance> MEMBERS = new ArrayList<>();
    private static HazelcastInstance leader;
    private static List<HazelcastInstance> followers;
    // an even split: the leader and one follower against the two other followers
    private static List<HazelcastInstance> leaderSide;
    private static List<HazelcastInstance> otherSide;

    @BeforeAll
    static void startCluster() throws Exception {
        zookeeper = new TestingServer(true);
        String cluster = "tiebreak-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 4; i++) {
            MEMBERS.add(member(cluster, zookeeper.getConnectString(), "node-" + i));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> MEMBERS.stream()
                .allMatch(member -> member.getCluster().getMembers().size() == 4
                        && registered(member) == 4
                        && leaderSeenBy(member).isPresent()));
        String leaderId = leaderSeenBy(MEMBERS.get(0)).orElseThrow().nodeId();
        leader = MEMBERS.stream()
                .filter(member -> ZookeeperMember.forInstance(member)
                        .orElseThrow()
                        .nodeId()
                        .equals(leaderId))
                .findFirst()
                .orElseThrow();
        followers = MEMBERS.stream().filter(member -> member != leader).toList();
        leaderSide = List.of(leader, followers.get(0));
        otherSide = List.of(followers.get(1), followers.get(2));
    }

    @AfterAll
    static void stopCluster() throws IOException {
        MEMBERS.forEach(member -> member.getLifecycleService().terminate());
        zookeeper.close();
    }

    @Test
    void evenSplit_sideWithLeader_onlyThatSideHasProtection() {
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, leader, leaderSide))
                .isTrue();
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, followers.get(0), leaderSide))
                .isTrue();
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, followers.get(1), otherSide))
                .isFalse();
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, followers.get(2), otherSide))
                .isFalse();
    }

    @Test
    void evenSplit_majorityFunction_neitherSideHasProtection() {
        assertThat(verdict(ZookeeperSplitBrainProtectionFunction::new, leader, leaderSide))
                .isFalse();
        assertThat(verdict(ZookeeperSplitBrainProtectionFunction::new, followers.get(1), otherSide))
                .isFalse();
    }

    @Test
    void leaderInMinority_tieBreakFunction_majorityWithoutLeaderKeepsProtection() {
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, followers.get(0), followers))
                .isTrue();
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, leader, List.of(leader)))
                .isFalse();
    }

    @Test
    void quarterWithoutLeader_tieBreakFunction_hasNoProtection() {
        assertThat(verdict(
                        ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new,
                        followers.get(0),
                        List.of(followers.get(0))))
                .isFalse();
    }

    @Test
    void wholeCluster_bothFunctions_haveProtection() {
        assertThat(verdict(ZookeeperLeaderTieBreakSplitBrainProtectionFunction::new, followers.get(1), MEMBERS))
                .isTrue();
        assertThat(verdict(ZookeeperSplitBrainProtectionFunction::new, followers.get(1), MEMBERS))
                .isTrue();
    }

    /** What {@code function}, running on {@code judge}, answers for a view of exactly {@code side}. */
    private static <F extends SplitBrainProtectionFunction & HazelcastInstanceAware> boolean verdict(
            Supplier<F> function, HazelcastInstance judge, List<HazelcastInstance> side) {
        F instance = function.get();
        instance.setHazelcastInstance(judge);
        Collection<Member> view = side.stream()
                .map(member -> member.getCluster().getLocalMember())
                .toList();
        return instance.apply(view);
    }

    private static int registered(HazelcastInstance member) {
        return ZookeeperMember.forInstance(member)
                .map(zk -> zk.registeredMembers().size())
                .orElse(0);
    }

    private static Optional<LeaderIdentity> leaderSeenBy(HazelcastInstance member) {
        return ClusterLeadership.forInstance(member).flatMap(LeaderElection::currentLeader);
    }

    private static HazelcastInstance member(String cluster, String connectString, String nodeId) {
        return TestMembers.member(
                cluster, Map.of("connect-string", connectString, "node-id", nodeId, "startup-timeout-seconds", "30"));
    }
}
