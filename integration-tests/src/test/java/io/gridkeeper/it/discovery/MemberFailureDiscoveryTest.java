package io.gridkeeper.it.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridkeeper.it.fixture.MemberJvm;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategyFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

/** Members in their own JVMs that die (kill -9) or freeze (SIGSTOP), seen through ZooKeeper and Hazelcast. */
final class MemberFailureDiscoveryTest {

    private static final Duration READY = Duration.ofSeconds(120);
    private static final String SESSION_TIMEOUT_SECONDS = "4";

    @Test
    void killedMember_registrationDisappearsAfterSessionTimeout_othersKeepServing() throws Exception {
        String cluster = uniqueClusterName();
        try (ZookeeperFixture zookeeper = ZookeeperFixture.single();
                MemberJvm first = member("kill-1", zookeeper, cluster).start();
                MemberJvm second = member("kill-2", zookeeper, cluster).start();
                MemberJvm third = member("kill-3", zookeeper, cluster).start()) {
            String victim = second.awaitReady(READY).group(2);
            first.awaitReady(READY);
            third.awaitReady(READY);
            CuratorFramework observer = zookeeper.newClient();
            String membersPath = "/gridkeeper/" + cluster + "/members";
            HazelcastInstance client = client(zookeeper, cluster);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> client.getCluster().getMembers().size() == 3);
                IMap<Integer, String> map = client.getMap("data");
                for (int i = 0; i < 100; i++) {
                    map.put(i, "v" + i);
                }
                assertThat(observer.getChildren().forPath(membersPath))
                        .hasSize(3)
                        .contains(victim);

                long killedAt = System.nanoTime();
                second.kill();

                await().atMost(Duration.ofSeconds(60))
                        .until(() ->
                                !observer.getChildren().forPath(membersPath).contains(victim));
                long dropMillis = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.printf(
                        "kill -9: registration dropped after %d ms [session-timeout-seconds=%s]%n",
                        dropMillis, SESSION_TIMEOUT_SECONDS);
                assertThat(observer.getChildren().forPath(membersPath)).hasSize(2);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> client.getCluster().getMembers().size() == 2);
                assertThat(map.size()).isEqualTo(100);
                assertThat(map.get(42)).isEqualTo("v42");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void frozenMember_registrationDropsAfterSessionTimeout_andReturnsOnceThawed() throws Exception {
        String cluster = uniqueClusterName();
        try (ZookeeperFixture zookeeper = ZookeeperFixture.single();
                MemberJvm steady = member("freeze-1", zookeeper, cluster).start();
                MemberJvm frozen = member("freeze-2", zookeeper, cluster).start()) {
            steady.awaitReady(READY);
            String frozenId = frozen.awaitReady(READY).group(2);
            CuratorFramework observer = zookeeper.newClient();
            String membersPath = "/gridkeeper/" + cluster + "/members";
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> observer.getChildren().forPath(membersPath).size() == 2);

            long frozenAt = System.nanoTime();
            frozen.freeze();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !observer.getChildren().forPath(membersPath).contains(frozenId));
            System.out.printf(
                    "SIGSTOP: registration dropped after %d ms [session-timeout-seconds=%s]%n",
                    (System.nanoTime() - frozenAt) / 1_000_000, SESSION_TIMEOUT_SECONDS);

            frozen.thaw();

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(observer.getChildren().forPath(membersPath))
                            .hasSize(2)
                            .contains(frozenId));
        }
    }

    private static MemberJvm.Builder member(String name, ZookeeperFixture zookeeper, String cluster) {
        return MemberJvm.member(name, zookeeper.connectString(), cluster)
                .systemProperty("gridkeeper.zookeeper.session-timeout-seconds", SESSION_TIMEOUT_SECONDS)
                .systemProperty("gridkeeper.zookeeper.connection-timeout-seconds", "2")
                .systemProperty("hazelcast.max.no.heartbeat.seconds", "15");
    }

    private static HazelcastInstance client(ZookeeperFixture zookeeper, String cluster) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.discovery.enabled", "true");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig()
                .getDiscoveryConfig()
                .addDiscoveryStrategyConfig(new DiscoveryStrategyConfig(
                        new ZookeeperDiscoveryStrategyFactory(), Map.of("connect-string", zookeeper.connectString())));
        return HazelcastClient.newHazelcastClient(config);
    }

    private static String uniqueClusterName() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
