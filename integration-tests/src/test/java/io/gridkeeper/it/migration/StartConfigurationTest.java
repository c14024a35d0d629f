package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.controller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class StartConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void member_unknownPolicyInItsConfiguration_runsHazelcastsDefaultUntilAValidPolicyIsSet() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "dlayed"))) {
            HazelcastInstance member = cluster.member("a");
            await().atMost(TIMEOUT).until(() -> MigrationCluster.hasController(member));
            assertThat(controller(member).decider().policy().name()).isEqualTo("immediate");

            MigrationZnodes.setPolicy(cluster.tool, cluster.clusterPath(), Map.of("policy", "delayed"));

            await().atMost(TIMEOUT)
                    .until(() -> controller(member).decider().policy().name().equals("delayed"));
        }
    }
}
