package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ManualStateChangeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void clusterStateChangedByHand_isRecordedAndRespectedUntilAnOperatorCommand() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "60"))) {
            List<HazelcastInstance> members = List.of(cluster.member("a"), cluster.member("b"));
            HazelcastInstance member = members.get(0);
            await().atMost(TIMEOUT).until(() -> members.stream().allMatch(MigrationCluster::hasController));
            MigrationCluster.assignPartitions(member);
            await().atMost(TIMEOUT).until(() -> state(member) == ClusterState.NO_MIGRATION);

            member.getCluster().changeClusterState(ClusterState.ACTIVE);

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(cluster.decisions()).last().satisfies(last -> {
                        assertThat(last.type()).isEqualTo("MANUAL");
                        assertThat(last.explanation()).startsWith("cluster state changed by hand to [ACTIVE]");
                    }));
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> state(member) == ClusterState.ACTIVE);

            MigrationZnodes.holdUntil(
                    cluster.tool,
                    cluster.clusterPath(),
                    Instant.now(),
                    Instant.now().plusSeconds(120),
                    "test");

            await().atMost(TIMEOUT).until(() -> state(member) == ClusterState.NO_MIGRATION);
            assertThat(cluster.decisions())
                    .last()
                    .extracting(DecisionRecord::policy, DecisionRecord::type)
                    .containsExactly("operator", "HOLD");
        }
    }
}
