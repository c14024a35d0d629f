package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.cluster.Address;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class ZookeeperDiscoveryStrategyTest {

    private static TestingServer zookeeper;
    private static CuratorFramework observer;

    @BeforeAll
    static void startZookeeper() throws Exception {
        zookeeper = new TestingServer(true);
        observer = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
        observer.start();
    }

    @AfterAll
    static void stopZookeeper() throws Exception {
        observer.close();
        zookeeper.close();
    }

    @Test
    void threeMembers_discoverThroughZookeeper_formOneClusterAndRegisterOnceEach() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance first = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance second = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance third = member(cluster, properties(zookeeper.getConnectString()));
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.getCluster().getMembers()).hasSize(3);
                assertThat(third.getCluster().getMembers()).hasSize(3);
            });
            List<String> registered = observer.getChildren().forPath("/gridkeeper/" + cluster + "/members");
            assertThat(registered).containsExactlyInAnyOrder(nodeId(first), nodeId(second), nodeId(third));
        } finally {
            shutdown(first, second, third);
        }
    }

    @Test
    void member_shutsDown_itsRegistrationDisappearsAndOthersStay() throws Exception {
        String cluster = uniqueClusterName();
        HazelcastInstance staying = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance leaving = member(cluster, properties(zookeeper.getConnectString()));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> staying.getCluster().getMembers().size() == 2);
            String leavingId = nodeId(leaving);
            String membersPath = "/gridkeeper/" + cluster + "/members";

            leaving.shutdown();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(observer.getChildren().forPath(membersPath))
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
        HazelcastInstance member = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance client = null;
        try {
            client = client(cluster, properties(zookeeper.getConnectString()));
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
        HazelcastInstance member = member(cluster, properties(zookeeper.getConnectString()));
        try {
            ZookeeperMember handle = ZookeeperMember.forInstance(member).orElseThrow();
            assertThat(handle.clusterPath()).isEqualTo("/gridkeeper/" + cluster);
            assertThat(handle.config().clusterIdExplicit()).isFalse();
            assertThat(observer.checkExists().forPath(handle.registrationPath()))
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
                        zookeeper.getConnectString(),
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
            MemberPayload payload = new JsonInstanceSerializer<>(MemberPayload.class)
                    .deserialize(observer.getData().forPath(handle.registrationPath()))
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

    private static String nodeId(HazelcastInstance member) {
        return ZookeeperMember.forInstance(member).orElseThrow().nodeId();
    }
}
