package io.gridkeeper.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.Map;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

final class StartConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void member_unknownPolicyInItsConfiguration_refusesToStartNamingTheSetting() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "dlayed"))) {
            assertThatThrownBy(() -> cluster.member("a"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("gridkeeper.migration.policy=dlayed")
                    .hasMessageContaining("dlayed");

            Stat registry = cluster.tool.checkExists().forPath(cluster.clusterPath() + "/members");
            assertThat(registry == null ? 0 : registry.getNumChildren())
                    .as("members registered by a member that refused to start")
                    .isZero();
        }
    }

    @Test
    void member_malformedWindowInItsConfiguration_refusesToStartNamingTheSetting() throws Exception {
        try (MigrationCluster cluster =
                new MigrationCluster(Map.of("policy", "window", "start", "25:99", "end", "06:00"))) {
            assertThatThrownBy(() -> cluster.member("a"))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("gridkeeper.migration.start=25:99");
        }
    }

    @Test
    void member_validPolicyInItsConfiguration_startsWithIt() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "30"))) {
            HazelcastInstance member = cluster.member("a");
            await().atMost(TIMEOUT).until(() -> MigrationCluster.hasController(member));
            assertThat(MigrationCluster.controller(member).decider().policy().name())
                    .isEqualTo("delayed");
        }
    }
}
