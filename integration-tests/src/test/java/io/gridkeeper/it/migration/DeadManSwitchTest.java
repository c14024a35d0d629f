package io.gridkeeper.it.migration;

import static io.gridkeeper.it.migration.MigrationCluster.controller;
import static io.gridkeeper.it.migration.MigrationCluster.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.migration.control.HoldRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DeadManSwitchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void zookeeperGoneDuringHold_membersRestoreActiveAfterTheDeadline() throws Exception {
        try (MigrationCluster cluster = new MigrationCluster(Map.of("policy", "delayed", "grace-seconds", "6"))) {
            List<HazelcastInstance> members = List.of(cluster.member("a"), cluster.member("b"));
            await().atMost(TIMEOUT).until(() -> members.stream().allMatch(MigrationCluster::hasController));
            MigrationCluster.assignPartitions(members.get(0));
            await().atMost(TIMEOUT)
                    .until(() -> state(members.get(0)) == ClusterState.NO_MIGRATION
                            && cluster.hold().filter(HoldRecord::isHold).isPresent());

            cluster.zookeeper.stop();

            await().atMost(TIMEOUT).until(() -> state(members.get(0)) == ClusterState.ACTIVE);
            HoldRecord remembered = controller(members.get(1)).lastSeenHold().orElseThrow();
            assertThat(remembered.isHold()).isTrue();
            assertThat(remembered.until()).isBefore(Instant.now());
            assertThat(members).noneMatch(m -> controller(m).isLeader());
            cluster.zookeeper.restart();
        }
    }
}
