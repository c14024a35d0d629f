package io.gridkeeper.zookeeper.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.zookeeper.TestMembers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

final class ClusterLeadershipTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void discoveryStrategy_twoMembers_oneLeadsAndLeadershipMovesWhenItShutsDown() throws Exception {
        String clusterName = "election-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestingServer zookeeper = new TestingServer()) {
            HazelcastInstance first = member(zookeeper.getConnectString(), clusterName, "first");
            HazelcastInstance second = member(zookeeper.getConnectString(), clusterName, "second");
            try {
                LeaderElection firstElection =
                        ClusterLeadership.forInstance(first).orElseThrow();
                LeaderElection secondElection =
                        ClusterLeadership.forInstance(second).orElseThrow();
                await().atMost(TIMEOUT).until(() -> firstElection.isLeader() != secondElection.isLeader());
                LeaderElection leader = firstElection.isLeader() ? firstElection : secondElection;
                LeaderElection follower = leader == firstElection ? secondElection : firstElection;
                assertThat(leader.self().nodeId()).isIn("first", "second");
                await().atMost(TIMEOUT)
                        .until(() -> follower.currentLeader().equals(java.util.Optional.of(leader.self())));
                long epoch = leader.leaderEpoch().orElseThrow();

                (leader == firstElection ? first : second).shutdown();

                await().atMost(TIMEOUT).until(follower::isLeader);
                assertThat(follower.leaderEpoch().orElseThrow()).isGreaterThan(epoch);
                assertThat(ClusterLeadership.forInstance(leader == firstElection ? second : first))
                        .containsSame(follower);
            } finally {
                for (HazelcastInstance instance : List.of(first, second)) {
                    instance.getLifecycleService().terminate();
                }
            }
        }
    }

    private static HazelcastInstance member(String connectString, String clusterName, String nodeId) {
        return TestMembers.member(
                clusterName,
                Map.of("connect-string", connectString, "node-id", nodeId, "session-timeout-seconds", "6"));
    }
}
