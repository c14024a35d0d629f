package io.gridkeeper.zookeeper.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        Map<String, Comparable> properties =
                Map.of("connect-string", connectString, "node-id", nodeId, "session-timeout-seconds", "6");
        join.getDiscoveryConfig()
                .addDiscoveryStrategyConfig(
                        new DiscoveryStrategyConfig(new ZookeeperDiscoveryStrategyFactory(), properties));
        return Hazelcast.newHazelcastInstance(config);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
