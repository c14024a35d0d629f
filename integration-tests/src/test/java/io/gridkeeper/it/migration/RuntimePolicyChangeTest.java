package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.controller;
import static io.gridkeeper.it.migration.MigrationCluster.hasController;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.control.DecisionRecord;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RuntimePolicyChangeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void setPolicy_inZookeeper_everyMemberSwitchesAndTheLeaderDecidesWithIt() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "30"))) {
            List<HazelcastInstance> members = List.of(cluster.member("a"), cluster.member("b"));
            await().atMost(TIMEOUT).until(() -> members.stream().allMatch(MigrationCluster::hasController));
            MigrationCluster.assignPartitions(members.get(0));
            assertThat(members)
                    .allSatisfy(m ->
                            assertThat(controller(m).decider().policy().name()).isEqualTo("delayed"));

            MigrationZnodes.setPolicy(
                    cluster.tool, cluster.clusterPath(), Map.of("policy", "manual", "max-hold-seconds", "600"));

            await().atMost(TIMEOUT).until(() -> members.stream()
                    .allMatch(m -> hasController(m)
                            && controller(m).decider().policy().name().equals("manual")
                            && controller(m).policySource().equals("ZooKeeper")));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(cluster.decisions())
                    .last()
                    .extracting(DecisionRecord::policy, DecisionRecord::type)
                    .containsExactly("manual", "HOLD"));
        }
    }

    @Test
    void setPolicy_invalidSettings_isRejectedBeforeAnythingIsWritten() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of())) {
            assertThatThrownBy(() -> MigrationZnodes.setPolicy(
                            cluster.tool, cluster.clusterPath(), Map.of("policy", "delayed", "grace-seconds", "-1")))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage("Property 'grace-seconds' must be between 1 and 31622400 but was [-1]");
            assertThat(MigrationZnodes.readPolicy(cluster.tool, cluster.clusterPath()))
                    .isEmpty();
        }
    }
}
