package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridkeeper.zookeeper.election.LeaderIdentity;
import io.gridkeeper.zookeeper.election.LeadershipView;
import io.gridkeeper.zookeeper.splitbrain.ZookeeperLeaderTieBreakSplitBrainProtectionFunction;
import io.gridkeeper.zookeeper.splitbrain.ZookeeperSplitBrainProtectionFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tie the leader rule exists for, on a real network: four member JVMs in their own network namespaces are cut
 * into two halves, every member keeping its ZooKeeper session. A map protected by {@link
 * ZookeeperSplitBrainProtectionFunction} (strict majority) rejects writes on both halves; a map protected by {@link
 * ZookeeperLeaderTieBreakSplitBrainProtectionFunction} keeps accepting writes on the half with the Gridkeeper leader
 * and rejects them on the other. After healing the halves merge and every member accepts writes again.
 */
final class EvenSplitFaultTest {

    private static final List<String> HOSTS = List.of("a", "b", "c", "d");

    private static final String MEMBER_YAML = """
            hazelcast:
              split-brain-protection:
                zookeeper-registry:
                  enabled: true
                  protect-on: WRITE
                  minimum-cluster-size: 2
                  function-class-name: %s
                zookeeper-leader-tie-break:
                  enabled: true
                  protect-on: WRITE
                  minimum-cluster-size: 2
                  function-class-name: %s
              map:
                majority-*:
                  split-brain-protection-ref: zookeeper-registry
                tiebreak-*:
                  split-brain-protection-ref: zookeeper-leader-tie-break
            """.formatted(
                    ZookeeperSplitBrainProtectionFunction.class.getName(),
                    ZookeeperLeaderTieBreakSplitBrainProtectionFunction.class.getName());

    @Test
    void evenSplit_tieBreakFunction_onlyLeaderHalfWrites_majorityFunction_neitherHalfWrites() {
        try (NamespaceCluster cluster = new NamespaceCluster(HOSTS, MEMBER_YAML)) {
            HOSTS.forEach(cluster::startMember);
            Map<String, HazelcastInstance> clients = new LinkedHashMap<>();
            HOSTS.forEach(host -> clients.put(host, cluster.client(host)));
            await("4 members, registered, with a leader")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> clients.values().stream()
                                    .allMatch(client ->
                                            client.getCluster().getMembers().size() == 4)
                            && cluster.registered().size() == 4
                            && leader(cluster).isPresent());
            String leaderHost = leader(cluster).orElseThrow().nodeId().substring("node-".length());
            List<String> leaderHalf = new ArrayList<>(List.of(leaderHost));
            List<String> otherHalf = new ArrayList<>();
            for (String host : HOSTS) {
                if (!host.equals(leaderHost)) {
                    (leaderHalf.size() < 2 ? leaderHalf : otherHalf).add(host);
                }
            }
            for (HazelcastInstance client : clients.values()) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    client.<String, Long>getMap("majority-orders").put("k", 0L);
                    client.<String, Long>getMap("tiebreak-orders").put("k", 0L);
                });
            }

            cluster.lab.partition(leaderHalf, otherHalf);

            for (String host : otherHalf) {
                IMap<String, Long> tieBreak = clients.get(host).getMap("tiebreak-orders");
                await("half without the leader (" + host + ") rejects writes to the tie-break map")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptionsInstanceOf(AssertionError.class)
                        .untilAsserted(() -> assertThatThrownBy(() -> tieBreak.put("k", 1L))
                                .isInstanceOf(SplitBrainProtectionException.class));
            }
            for (String host : HOSTS) {
                IMap<String, Long> majority = clients.get(host).getMap("majority-orders");
                await(host + " rejects writes to the majority map")
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptionsInstanceOf(AssertionError.class)
                        .untilAsserted(() -> assertThatThrownBy(() -> majority.put("k", 1L))
                                .isInstanceOf(SplitBrainProtectionException.class));
            }
            for (String host : leaderHalf) {
                IMap<String, Long> tieBreak = clients.get(host).getMap("tiebreak-orders");
                await("half with the leader (" + host + ") writes to the tie-break map")
                        .atMost(Duration.ofSeconds(60))
                        .ignoreExceptions()
                        .untilAsserted(() -> tieBreak.put("k", 2L));
            }

            cluster.lab.heal();

            await("the halves merged")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> cluster.registered().size() == 4
                            && clients.values().stream()
                                    .allMatch(client ->
                                            client.getCluster().getMembers().size() == 4));
            for (HazelcastInstance client : clients.values()) {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                    client.<String, Long>getMap("majority-orders").put("k", 3L);
                    client.<String, Long>getMap("tiebreak-orders").put("k", 3L);
                });
            }
        }
    }

    private static Optional<LeaderIdentity> leader(NamespaceCluster cluster) {
        try {
            return LeadershipView.read(cluster.observer, cluster.clusterPath).leader();
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }
}
