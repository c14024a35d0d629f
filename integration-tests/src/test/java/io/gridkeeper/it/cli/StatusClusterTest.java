package io.gridkeeper.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code status} against a live 3-member cluster: the policy set with {@code policy set}, an operator hold with its
 * deadline and reason, partitions without backup once a member dies under the hold, ZooKeeper health and each member's
 * session, in text and in JSON (parsed with Jackson), also through {@code status --watch --json}.
 */
final class StatusClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void status_policyHoldAndLostMember_showsPolicyHoldDeadlineReasonAndPartitionsWithoutBackup() throws Exception {
        try (CliCluster cluster = new CliCluster()) {
            HazelcastInstance a = cluster.member("a", Map.of());
            // a registers first and so leads: it keeps holding when b dies.
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                            status(cluster).path("leader").path("nodeId").asText())
                    .isEqualTo("a"));
            cluster.member("b", Map.of());
            HazelcastInstance c = cluster.member("c", Map.of());
            for (int i = 0; i < 100; i++) {
                a.getMap(CliCluster.MAP).put(i, i); // Hazelcast assigns partitions on first use
            }
            // c must own partitions before it dies, so that its loss leaves partitions without backup.
            Member memberC = c.getCluster().getLocalMember();
            await().atMost(TIMEOUT)
                    .until(() -> a.getCluster().getMembers().size() == 3
                            && a.getPartitionService().isClusterSafe()
                            && a.getPartitionService().getPartitions().stream()
                                    .anyMatch(partition -> memberC.equals(partition.getOwner())));

            CliCluster.Run policy = cluster.run("policy", "set", "delayed", "--setting", "grace-seconds=600");
            assertThat(policy.exitCode()).as(policy.toString()).isZero();
            Instant requested = Instant.now();
            CliCluster.Run hold = cluster.run("hold", "--for", "20m", "--note", "status-it maintenance");
            assertThat(hold.exitCode()).as(hold.toString()).isZero();
            await().atMost(TIMEOUT).until(() -> a.getCluster().getClusterState() == ClusterState.NO_MIGRATION);

            JsonNode held = await().atMost(TIMEOUT).until(() -> status(cluster), json -> "operator"
                    .equals(json.path("hold").path("policy").asText()));
            assertThat(held.path("policy").path("source").asText()).isEqualTo("ZOOKEEPER");
            assertThat(held.path("policy").path("policy").asText()).isEqualTo("delayed");
            assertThat(held.path("policy")
                            .path("settings")
                            .path("grace-seconds")
                            .asText())
                    .isEqualTo("600");
            assertThat(held.path("hold").path("reason").asText()).contains("status-it maintenance");
            assertThat(held.path("hold").path("inForce").asBoolean()).isTrue();
            Instant until = Instant.parse(held.path("hold").path("until").asText());
            assertThat(until)
                    .isBetween(requested.plusSeconds(19 * 60), Instant.now().plusSeconds(20 * 60 + 1));
            assertThat(held.path("hold").path("remainingSeconds").asLong()).isBetween(60L * 19, 60L * 20);
            assertThat(held.path("partitionsWithoutBackup").asInt()).isZero();
            assertZookeeperHealth(cluster, held);
            assertThat(held.path("members")).hasSize(3).allSatisfy(member -> {
                assertThat(member.path("inCluster").asBoolean()).isTrue();
                assertThat(member.path("registered").asBoolean()).isTrue();
                assertThat(member.path("zookeeperState").asText()).isEqualTo("CONNECTED");
                // The member's own live session owns its (ephemeral) registration.
                assertThat(member.path("zookeeperSession").asText())
                        .startsWith("0x")
                        .isEqualTo(member.path("registrationSession").asText());
                assertThat(member.path("sessionTimeoutMillis").asLong()).isPositive();
                assertThat(member.path("policy").asText()).isEqualTo("delayed");
            });

            CliCluster.Run text = cluster.run("status");
            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out())
                    .contains("Policy    delayed {grace-seconds=600}  (cluster-wide, set ")
                    .contains("Hold      hold by [operator] until [" + until)
                    .contains("status-it maintenance")
                    .contains("ZooKeeper connected to ")
                    .contains("(quorum reachable)");

            c.getLifecycleService().terminate();

            JsonNode lost = await().atMost(TIMEOUT)
                    .until(
                            () -> status(cluster),
                            json -> json.path("partitionsWithoutBackup").asInt() > 0);
            assertThat(lost.path("clusterState").asText()).isEqualTo("NO_MIGRATION");
            assertThat(lost.path("clusterSafe").asBoolean()).isFalse();
            assertThat(lost.path("hold").path("inForce").asBoolean()).isTrue();
            assertThat(lost.path("unprotectedSeconds").isIntegralNumber()).isTrue();

            CliCluster.Run watch = cluster.run("status", "--watch", "--json", "--interval", "200ms", "--count", "2");
            assertThat(watch.exitCode()).as(watch.toString()).isZero();
            assertThat(JSON.readerFor(JsonNode.class)
                            .<JsonNode>readValues(watch.out())
                            .readAll())
                    .hasSize(2)
                    .allSatisfy(refresh -> {
                        // The hold goes on; the safety guard may by now have shortened it to max-unprotected-seconds.
                        assertThat(refresh.path("hold").path("inForce").asBoolean())
                                .isTrue();
                        assertThat(refresh.path("hold").path("until").asText()).isNotBlank();
                        assertThat(refresh.path("partitionsWithoutBackup").asInt())
                                .isPositive();
                        assertThat(refresh.path("policy").path("policy").asText())
                                .isEqualTo("delayed");
                    });
        }
    }

    private static void assertZookeeperHealth(CliCluster cluster, JsonNode status) {
        JsonNode zookeeper = status.path("zookeeperHealth");
        String port = cluster.zookeeper
                .connectString()
                .substring(cluster.zookeeper.connectString().lastIndexOf(':'));
        assertThat(zookeeper.path("connected").asBoolean()).isTrue();
        assertThat(zookeeper.path("quorum").asBoolean()).isTrue();
        assertThat(zookeeper.path("state").asText()).isEqualTo("CONNECTED");
        assertThat(zookeeper.path("server").asText()).endsWith(port);
        assertThat(zookeeper.path("sessionId").asText()).startsWith("0x");
        assertThat(zookeeper.path("sessionTimeoutMillis").asLong()).isPositive();
    }

    private static JsonNode status(CliCluster cluster) throws Exception {
        CliCluster.Run run = cluster.run("status", "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }
}
