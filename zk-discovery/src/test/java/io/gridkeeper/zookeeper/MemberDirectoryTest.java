package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.ServiceType;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class MemberDirectoryTest {

    private static final JsonInstanceSerializer<MemberPayload> SERIALIZER =
            new JsonInstanceSerializer<>(MemberPayload.class);

    private static TestingServer zookeeper;
    private static CuratorFramework curator;

    @BeforeAll
    static void startZookeeper() throws Exception {
        zookeeper = new TestingServer(true);
        curator = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(100));
        curator.start();
    }

    @AfterAll
    static void stopZookeeper() throws Exception {
        curator.close();
        zookeeper.close();
    }

    @Test
    void directory_withGarbageEntry_skipsItWithOneWarningNamingTheZnode() throws Exception {
        String membersPath = "/gridkeeper/" + uniqueClusterName() + "/members";
        curator.create().creatingParentsIfNeeded().forPath(membersPath + "/garbage", bytes("{not json"));
        register(membersPath, "127.0.0.1:5701");
        RecordingLogger logger = new RecordingLogger();

        try (MemberDirectory directory = new MemberDirectory(curator, membersPath, SERIALIZER, logger)) {
            assertThat(directory.start(10_000)).isTrue();
            assertThat(nodeIds(directory)).containsExactly("127.0.0.1:5701");
            assertThat(directory.unreadableCount()).isEqualTo(1);

            register(membersPath, "127.0.0.1:5702");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> nodeIds(directory).size() == 2);

            assertThat(logger.warnings()).singleElement().asString().contains("[" + membersPath + "/garbage]");
        }
    }

    @Test
    void directory_whenGarbageEntryChanges_warnsAgainOnce() throws Exception {
        String membersPath = "/gridkeeper/" + uniqueClusterName() + "/members";
        curator.create().creatingParentsIfNeeded().forPath(membersPath + "/garbage", bytes("[]"));
        RecordingLogger logger = new RecordingLogger();

        try (MemberDirectory directory = new MemberDirectory(curator, membersPath, SERIALIZER, logger)) {
            assertThat(directory.start(10_000)).isTrue();
            curator.setData().forPath(membersPath + "/garbage", bytes("still garbage"));

            await().atMost(Duration.ofSeconds(10)).until(() -> logger.warnings().size() == 2);
            assertThat(directory.snapshot()).isEmpty();
        }
    }

    @Test
    void cluster_withGarbageRegistration_stillFormsThroughZookeeper() throws Exception {
        String cluster = uniqueClusterName();
        curator.create()
                .creatingParentsIfNeeded()
                .forPath("/gridkeeper/" + cluster + "/members/garbage", bytes("\u0000\u0001garbage"));
        HazelcastInstance first = member(cluster, properties(zookeeper.getConnectString()));
        HazelcastInstance second = member(cluster, properties(zookeeper.getConnectString()));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.getCluster().getMembers().size() == 2);
            assertThat(ZookeeperMember.forInstance(first).orElseThrow().registeredMembers())
                    .hasSize(2);
        } finally {
            shutdown(first, second);
        }
    }

    private static void register(String membersPath, String address) throws Exception {
        MemberPayload payload = new MemberPayload(address, address, "5.7.0", null, null, address);
        ServiceInstance<MemberPayload> instance = new ServiceInstance<>(
                "members", address, "127.0.0.1", 5701, null, payload, 0L, ServiceType.DYNAMIC, null);
        curator.create()
                .creatingParentsIfNeeded()
                .withMode(CreateMode.EPHEMERAL)
                .forPath(membersPath + "/" + address, SERIALIZER.serialize(instance));
    }

    private static List<String> nodeIds(MemberDirectory directory) {
        return directory.snapshot().stream()
                .map(entry -> entry.payload().nodeId())
                .sorted()
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
