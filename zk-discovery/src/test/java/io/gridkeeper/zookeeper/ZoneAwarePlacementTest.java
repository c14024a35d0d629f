package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.PartitionGroupConfig.MemberGroupType;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.partition.InternalPartition;
import com.hazelcast.internal.partition.InternalPartitionService;
import com.hazelcast.internal.partition.PartitionReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class ZoneAwarePlacementTest {

    @RegisterExtension
    static final ZookeeperExtension zookeeper = new ZookeeperExtension();

    @ParameterizedTest
    @EnumSource(
            value = MemberGroupType.class,
            names = {"ZONE_AWARE", "SPI"})
    void partitionGroups_withZonesFromDiscovery_putEveryBackupInAnotherZone(MemberGroupType groupType) {
        String cluster = uniqueClusterName();
        List<HazelcastInstance> members = new ArrayList<>();
        try {
            for (String zone : List.of("zone-a", "zone-a", "zone-b", "zone-b")) {
                Config config = memberConfig(
                        cluster, properties(zookeeper.connectString(), "zone", zone, "rack", zone + "-rack"));
                config.getPartitionGroupConfig().setEnabled(true).setGroupType(groupType);
                members.add(Hazelcast.newHazelcastInstance(config));
            }
            HazelcastInstance any = members.get(0);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(any.getCluster().getMembers()).hasSize(4);
                assertThat(any.getPartitionService().isClusterSafe()).isTrue();
                assertThat(replicaZones(any)).allSatisfy(zones -> {
                    assertThat(zones).hasSize(2).doesNotContainNull();
                    assertThat(zones.get(0)).isNotEqualTo(zones.get(1));
                });
            });
            assertThat(any.getCluster().getMembers()).allSatisfy(member -> assertThat(member.getAttributes())
                    .containsKeys("hazelcast.partition.group.zone", "gridkeeper.node-id"));
        } finally {
            shutdown(members.toArray(HazelcastInstance[]::new));
        }
    }

    /** For every partition, the zones of its owner and first backup. */
    private static List<List<String>> replicaZones(HazelcastInstance instance) {
        Map<UUID, String> zoneByMember = instance.getCluster().getMembers().stream()
                .collect(Collectors.toMap(Member::getUuid, m -> m.getAttribute("hazelcast.partition.group.zone")));
        InternalPartitionService partitions =
                ((HazelcastInstanceProxy) instance).getOriginal().node.getPartitionService();
        List<List<String>> result = new ArrayList<>();
        for (int id = 0; id < partitions.getPartitionCount(); id++) {
            InternalPartition partition = partitions.getPartition(id);
            List<String> zones = new ArrayList<>();
            for (int replica = 0; replica < 2; replica++) {
                PartitionReplica member = partition.getReplica(replica);
                zones.add(member == null ? null : zoneByMember.get(member.uuid()));
            }
            result.add(zones);
        }
        return result;
    }
}
