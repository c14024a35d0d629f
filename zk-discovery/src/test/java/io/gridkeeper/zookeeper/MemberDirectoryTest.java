package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static io.gridkeeper.zookeeper.TestRegistrations.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MemberDirectoryTest {

    @RegisterExtension
    static final ZookeeperExtension zookeeper = new ZookeeperExtension();

    @Test
    void directory_withGarbageEntry_skipsItWithOneWarningNamingTheZnode() throws Exception {
        String membersPath = "/gridkeeper/" + uniqueClusterName() + "/members";
        zookeeper.write(membersPath + "/garbage", bytes("{not json"));
        register(membersPath, "127.0.0.1:5701");
        RecordingLogger logger = new RecordingLogger();

        try (MemberDirectory directory = new MemberDirectory(zookeeper.curator(), membersPath, SERIALIZER, logger)) {
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
        zookeeper.write(membersPath + "/garbage", bytes("[]"));
        RecordingLogger logger = new RecordingLogger();

        try (MemberDirectory directory = new MemberDirectory(zookeeper.curator(), membersPath, SERIALIZER, logger)) {
            assertThat(directory.start(10_000)).isTrue();
            zookeeper.write(membersPath + "/garbage", bytes("still garbage"));

            await().atMost(Duration.ofSeconds(10)).until(() -> logger.warnings().size() == 2);
            assertThat(directory.snapshot()).isEmpty();
        }
    }

    @Test
    void cluster_withGarbageRegistration_stillFormsThroughZookeeper() throws Exception {
        String cluster = uniqueClusterName();
        zookeeper.write("/gridkeeper/" + cluster + "/members/garbage", bytes("\u0000\u0001garbage"));
        HazelcastInstance first = member(cluster, properties(zookeeper.connectString()));
        HazelcastInstance second = member(cluster, properties(zookeeper.connectString()));
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
        zookeeper
                .curator()
                .create()
                .creatingParentsIfNeeded()
                .withMode(CreateMode.EPHEMERAL)
                .forPath(membersPath + "/" + address, registration(address));
    }
}
