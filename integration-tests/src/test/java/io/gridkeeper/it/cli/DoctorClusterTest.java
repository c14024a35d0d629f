package io.gridkeeper.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.cli.DoctorCommand;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import java.time.Duration;
import java.util.Map;
import org.apache.curator.utils.ZKPaths;
import org.junit.jupiter.api.Test;

/** {@code doctor} against live clusters: healthy, then a problem created on purpose and named in the output. */
final class DoctorClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void doctor_healthyThenAGhostRegistration_exitsZeroThenNamesTheSplitView() throws Exception {
        try (CliCluster cluster = new CliCluster()) {
            cluster.member("a", Map.of());
            cluster.member("b", Map.of());
            cluster.members().get(0).getMap(CliCluster.MAP).put(1, 1);
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(cluster.run("doctor").exitCode()).isZero());
            CliCluster.Run healthy = cluster.run("doctor");
            assertThat(healthy.out()).contains("Verdict   HEALTHY");

            String members = ZKPaths.makePath(cluster.clusterPath(), "members");
            String existing = cluster.tool.getChildren().forPath(members).get(0);
            ObjectNode ghost =
                    (ObjectNode) JSON.readTree(cluster.tool.getData().forPath(ZKPaths.makePath(members, existing)));
            ghost.put("id", "ghost");
            ((ObjectNode) ghost.path("payload"))
                    .put("privateAddress", "127.0.0.1:1")
                    .put("publicAddress", "127.0.0.1:1")
                    .put("nodeId", "ghost");
            cluster.tool.create().forPath(ZKPaths.makePath(members, "ghost"), JSON.writeValueAsBytes(ghost));

            CliCluster.Run split = cluster.run("doctor", "--json");

            assertThat(split.exitCode()).as(split.toString()).isEqualTo(DoctorCommand.EXIT_WARNING);
            JsonNode report = JSON.readTree(split.out());
            assertThat(report.path("healthy").asBoolean()).isFalse();
            assertThat(report.path("findings")).anySatisfy(finding -> {
                assertThat(finding.path("check").asText()).isEqualTo("registered-not-in-cluster");
                assertThat(finding.path("summary").asText()).contains("[ghost]", "[127.0.0.1:1]");
                assertThat(finding.path("fix").asText()).isNotBlank();
            });
        }
    }

    @Test
    void doctor_serverCapsTheSessionTimeout_judgesTheNegotiatedTimeout() throws Exception {
        // The member asks for 30 s; the server grants at most 8 s, which is still longer than the 5 s heartbeat
        // timeout: doctor must name the negotiated 8 s, not the configured 30 s.
        try (CliCluster cluster = new CliCluster(ZookeeperFixture.singleWithMaxSessionTimeout(8_000))) {
            cluster.member(
                    "a",
                    Map.of("hazelcast.heartbeat.interval.seconds", "1", "hazelcast.max.no.heartbeat.seconds", "5"),
                    30);

            CliCluster.Run doctor = await().atMost(TIMEOUT)
                    .until(() -> cluster.run("doctor", "--json"), run -> run.out()
                            .contains("timeouts-disagree"));

            assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(DoctorCommand.EXIT_WARNING);
            assertThat(JSON.readTree(doctor.out()).path("findings")).anySatisfy(finding -> {
                assertThat(finding.path("check").asText()).isEqualTo("timeouts-disagree");
                assertThat(finding.path("summary").asText())
                        .contains(
                                "negotiated [8s]",
                                "[session-timeout-seconds=30]",
                                "[hazelcast.max.no.heartbeat.seconds=5]");
                assertThat(finding.path("meaning").asText()).contains("[3s] more");
            });
        }
    }

    @Test
    void doctor_memberLostDuringAHold_namesPartitionsWithoutBackupUntilRebalanceEndsTheHold() throws Exception {
        Map<String, String> delayed =
                Map.of("gridkeeper.migration.policy", "delayed", "gridkeeper.migration.grace-seconds", "600");
        try (CliCluster cluster = new CliCluster()) {
            HazelcastInstance a = cluster.member("a", delayed);
            cluster.member("b", delayed);
            HazelcastInstance c = cluster.member("c", delayed);
            for (int i = 0; i < 100; i++) {
                a.getMap(CliCluster.MAP).put(i, i);
            }
            // The delayed policy holds once the three are balanced: c's backups are then not re-created when it dies.
            Member memberC = c.getCluster().getLocalMember();
            await().atMost(TIMEOUT)
                    .until(() -> a.getCluster().getClusterState() == ClusterState.NO_MIGRATION
                            && a.getCluster().getMembers().size() == 3
                            && a.getPartitionService().isClusterSafe()
                            && a.getPartitionService().getPartitions().stream()
                                    .anyMatch(partition -> memberC.equals(partition.getOwner())));

            c.getLifecycleService().terminate();
            await().atMost(TIMEOUT).until(() -> a.getCluster().getClusterState() == ClusterState.NO_MIGRATION);

            await().atMost(TIMEOUT).untilAsserted(() -> {
                CliCluster.Run held = cluster.run("doctor");
                assertThat(held.exitCode()).as(held.toString()).isEqualTo(DoctorCommand.EXIT_WARNING);
                assertThat(held.out()).contains("partitions-without-backup", "hold-in-force");
            });

            CliCluster.Run rebalance = cluster.run(
                    "rebalance", "--note", "doctor test", "--wait", "--interval", "500ms", "--wait-timeout", "2m");

            assertThat(rebalance.exitCode()).as(rebalance.toString()).isZero();
            assertThat(rebalance.out())
                    .contains("partitions without backup", "replica migrations")
                    .contains("Rebalance complete: cluster " + cluster.clusterName + " is safe after");
            await().atMost(TIMEOUT).untilAsserted(() -> {
                CliCluster.Run after = cluster.run("doctor");
                assertThat(after.exitCode()).as(after.toString()).isZero();
            });
            assertThat(a.getMap(CliCluster.MAP).size()).isEqualTo(100);
        }
    }
}
