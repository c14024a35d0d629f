package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.controller;
import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.ManagementCenterMetrics;
import io.gridkeeper.migration.control.MigrationController;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The controller's metrics read the way Management Center reads them, and through JMX; JMX operations. */
final class MigrationMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void metrics_readLikeManagementCenterAndThroughJmx_showTheHoldAndTheLeader() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "120"))) {
            HazelcastInstance member = cluster.member("a");
            MigrationCluster.assignPartitions(member);
            await().atMost(TIMEOUT)
                    .until(() -> MigrationCluster.hasController(member)
                            && controller(member).isLeader()
                            && state(member) == ClusterState.NO_MIGRATION);
            HazelcastInstance client = client(cluster, member);
            try {
                UUID memberUuid = member.getCluster().getLocalMember().getUuid();

                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                                ManagementCenterMetrics.read(client, memberUuid, "gridkeeper.migration"))
                        .containsEntry("holding", 1L)
                        .containsEntry("leader", 1L)
                        .containsEntry("leaderEpoch", 1L)
                        .containsKeys("holdDeadline", "decisionsHold", "partitionsWithoutBackup"));

                ObjectName jmxMetrics = new ObjectName(
                        "com.hazelcast:type=Metrics,instance=" + member.getName() + ",prefix=gridkeeper.migration");
                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(JMX.getAttribute(jmxMetrics, "holding"))
                        .isEqualTo(1L));
                assertThat((Long) JMX.getAttribute(jmxMetrics, "holdDeadline")).isPositive();
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void mbean_setPolicyAndHold_takeEffectThroughZookeeper() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "immediate"))) {
            HazelcastInstance member = cluster.member("a");
            MigrationCluster.assignPartitions(member);
            await().atMost(TIMEOUT)
                    .until(() -> MigrationCluster.hasController(member)
                            && controller(member).isLeader());
            ObjectName control = MigrationController.mbeanName(member.getName());
            assertThat(JMX.getAttribute(control, "Leadership")).isEqualTo("leader");

            JMX.invoke(control, "changePolicy", new Object[] {"policy=manual max-hold-seconds=900"}, new String[] {
                String.class.getName()
            });

            await().atMost(TIMEOUT)
                    .until(() -> controller(member).decider().policy().name().equals("manual"));
            await().atMost(TIMEOUT).until(() -> state(member) == ClusterState.NO_MIGRATION);
            assertThat((String) JMX.getAttribute(control, "Hold"))
                    .startsWith("HOLD until [")
                    .contains("by [manual]");

            JMX.invoke(control, "rebalance", new Object[] {"jmx test"}, new String[] {String.class.getName()});

            await().atMost(TIMEOUT).untilAsserted(() -> assertThat((String[]) JMX.getAttribute(control, "Decisions"))
                    .anySatisfy(line -> assertThat(line).contains("REBALANCE by [operator]", "(jmx test)")));
        }
    }

    private static HazelcastInstance client(MigrationCluster cluster, HazelcastInstance member) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster.clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig()
                .addAddress("127.0.0.1:"
                        + member.getCluster().getLocalMember().getAddress().getPort());
        return HazelcastClient.newHazelcastClient(config);
    }
}
