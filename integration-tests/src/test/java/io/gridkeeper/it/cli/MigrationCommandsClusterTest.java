package io.gridkeeper.it.cli;

import static io.gridkeeper.it.cli.CliCluster.controller;
import static io.gridkeeper.it.cli.CliCluster.hasController;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Policy, hold, rebalance and decisions commands against one live 2-member cluster shared by the tests. */
final class MigrationCommandsClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CliCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new CliCluster();
        cluster.member("a", Map.of());
        cluster.member("b", Map.of());
        await().atMost(TIMEOUT).until(() -> cluster.members().stream().allMatch(CliCluster::hasController));
        cluster.members().get(0).getMap(CliCluster.MAP).put(1, 1); // Hazelcast assigns partitions on first use
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void policySet_delayedWithGrace_everyMemberReportsThePolicyAndShowPrintsIt() throws Exception {
        CliCluster.Run set = cluster.run("policy", "set", "delayed", "--setting", "grace-seconds=30");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(cluster.members()).allSatisfy(member -> {
                    assertThat(hasController(member)).isTrue();
                    assertThat(controller(member).decider().policy().name()).isEqualTo("delayed");
                    assertThat(controller(member).policySource()).isEqualTo("ZooKeeper");
                }));
        JsonNode show = JSON.readTree(cluster.run("policy", "show", "--json").out());
        assertThat(show.path("policy").asText()).isEqualTo("delayed");
        assertThat(show.path("settings").path("grace-seconds").asText()).isEqualTo("30");
    }

    @Test
    void hold_thenRebalance_clusterHoldsUntilTheOperatorRebalancesAndDecisionsShowBoth() throws Exception {
        HazelcastInstance member = cluster.members().get(0);

        CliCluster.Run hold = cluster.run("hold", "--for", "10m", "--note", "it-hold");

        assertThat(hold.exitCode()).as(hold.toString()).isZero();
        assertThat(hold.out()).contains("acts on it within a second");
        await().atMost(TIMEOUT).until(() -> member.getCluster().getClusterState() == ClusterState.NO_MIGRATION);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                        cluster.run("decisions", "--last", "1").out())
                .contains("HOLD until", "by [operator]", "it-hold"));

        CliCluster.Run rebalance = cluster.run("rebalance", "--note", "it-rebalance");

        assertThat(rebalance.exitCode()).as(rebalance.toString()).isZero();
        await().atMost(TIMEOUT).until(() -> member.getCluster().getClusterState() == ClusterState.ACTIVE);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode recent = JSON.readTree(
                    cluster.run("decisions", "--last", "5", "--json").out());
            assertThat(recent).anySatisfy(decision -> {
                assertThat(decision.path("type").asText()).isEqualTo("REBALANCE");
                assertThat(decision.path("policy").asText()).isEqualTo("operator");
                assertThat(decision.path("explanation").asText()).contains("it-rebalance");
            });
        });
    }

    @Test
    void statusWatch_twoRefreshes_redrawsTwiceThenStops() {
        CliCluster.Run watch = cluster.run("status", "--watch", "--interval", "200ms", "--count", "2");

        assertThat(watch.exitCode()).as(watch.toString()).isZero();
        assertThat(watch.out().split("gridkeeper status --watch", -1)).hasSize(3);
        assertThat(watch.out()).contains("\u001b[H\u001b[2J", "Members   2 in the cluster, 2 registered in ZooKeeper");
    }
}
