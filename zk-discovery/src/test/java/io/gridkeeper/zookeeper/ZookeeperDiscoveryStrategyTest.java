package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ZookeeperDiscoveryStrategyTest {

    @RegisterExtension
    static final ZookeeperExtension zookeeper = new ZookeeperExtension();

    @Test
    void threeMembers_discoverThroughZookeeper_formOneClusterAndRegisterOnceEach() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance first = member(cluster, properties(zookeeper.connectString()));
        HazelcastInstance second = member(cluster, properties(zookeeper.connectString()));
        HazelcastInstance third = member(cluster, properties(zookeeper.connectString()));
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.getCluster().getMembers()).hasSize(3);
                assertThat(third.getCluster().getMembers()).hasSize(3);
            });
            List<String> registered = zookeeper.curator().getChildren().forPath("/gridkeeper/" + cluster + "/members");
            assertThat(registered).containsExactlyInAnyOrder(nodeId(first), nodeId(second), nodeId(third));
        } finally {
            shutdown(first, second, third);
        }
    }

    @Test
    void member_shutsDown_itsRegistrationDisappearsAndOthersStay() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance staying = member(cluster, properties(zookeeper.connectString()));
        HazelcastInstance leaving = member(cluster, properties(zookeeper.connectString()));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> staying.getCluster().getMembers().size() == 2);
            String leavingId = nodeId(leaving);
            String membersPath = "/gridkeeper/" + cluster + "/members";

            leaving.shutdown();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                            zookeeper.curator().getChildren().forPath(membersPath))
                    .containsExactly(nodeId(staying))
                    .doesNotContain(leavingId));
            assertThat(ZookeeperMember.forInstance(staying)).isPresent();
        } finally {
            shutdown(staying, leaving);
        }
    }

    @Test
    void client_withStrategy_findsClusterByItsClusterName() {
        String cluster = uniqueClusterName();
        HazelcastInstance member = member(cluster, properties(zookeeper.connectString()));
        HazelcastInstance client = null;
        try {
            client = client(cluster, properties(zookeeper.connectString()));
            client.getMap("m").put("k", "v");
            assertThat(member.getMap("m").get("k")).isEqualTo("v");
            assertThat(client.getCluster().getMembers()).hasSize(1);
        } finally {
            shutdown(client, member);
        }
    }

    @Test
    void member_withoutClusterId_registersUnderHazelcastClusterName() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance member = member(cluster, properties(zookeeper.connectString()));
        try {
            ZookeeperMember handle = ZookeeperMember.forInstance(member).orElseThrow();
            assertThat(handle.clusterPath()).isEqualTo("/gridkeeper/" + cluster);
            assertThat(handle.config().clusterIdExplicit()).isFalse();
            assertThat(zookeeper.curator().checkExists().forPath(handle.registrationPath()))
                    .isNotNull();
        } finally {
            shutdown(member);
        }
    }

    @Test
    void member_withPublicAddressZoneRackAndNodeId_publishesThemInItsRegistration() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance member = member(
                cluster,
                properties(
                        zookeeper.connectString(),
                        "public-address",
                        "203.0.113.7:15701",
                        "zone",
                        "eu-1a",
                        "rack",
                        "r7",
                        "node-id",
                        "orders-0"));
        try {
            ZookeeperMember handle = ZookeeperMember.forInstance(member).orElseThrow();

            assertThat(handle.registrationPath()).isEqualTo("/gridkeeper/" + cluster + "/members/orders-0");
            MemberPayload payload = TestRegistrations.SERIALIZER
                    .deserialize(zookeeper.curator().getData().forPath(handle.registrationPath()))
                    .getPayload();
            Address address = member.getCluster().getLocalMember().getAddress();
            assertThat(payload)
                    .isEqualTo(new MemberPayload(
                            address.getHost() + ":" + address.getPort(),
                            "203.0.113.7:15701",
                            "5.7.0",
                            "eu-1a",
                            "r7",
                            "orders-0"));
            assertThat(member.getCluster().getLocalMember().getAttributes())
                    .containsEntry("gridkeeper.node-id", "orders-0")
                    .containsEntry("hazelcast.partition.group.zone", "eu-1a")
                    .containsEntry("hazelcast.partition.group.placement", "r7");
        } finally {
            shutdown(member);
        }
    }
}
