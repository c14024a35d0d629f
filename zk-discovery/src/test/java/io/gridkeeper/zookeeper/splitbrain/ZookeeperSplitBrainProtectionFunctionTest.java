package io.gridkeeper.zookeeper.splitbrain;

import static io.gridkeeper.zookeeper.TestMembers.memberConfig;
import static io.gridkeeper.zookeeper.TestMembers.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridkeeper.zookeeper.ZookeeperMember;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

/**
 * A member that loses its ZooKeeper session (its link to ZooKeeper is cut while the other members keep theirs)
 * refuses writes to the partitions it owns in a protected map; the members that keep their sessions keep writing.
 */
final class ZookeeperSplitBrainProtectionFunctionTest {

    private static final String PROTECTION = "zookeeper-registry";

    @Test
    void memberCutOffFromZookeeper_protectedMap_rejectsOwnWritesWhileMajorityWrites() throws Exception {
        String cluster = "sbp-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestingServer zookeeper = new TestingServer(true);
                TcpProxy isolatedLink = new TcpProxy(zookeeper.getPort())) {
            HazelcastInstance first = null;
            HazelcastInstance second = null;
            HazelcastInstance isolated = null;
            try {
                first = member(cluster, zookeeper.getConnectString());
                second = member(cluster, zookeeper.getConnectString());
                isolated = member(cluster, isolatedLink.connectString());
                HazelcastInstance majority = first;
                HazelcastInstance minority = isolated;
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> minority.getCluster().getMembers().size() == 3
                                && ZookeeperMember.forInstance(majority)
                                                .orElseThrow()
                                                .registeredMembers()
                                                .size()
                                        == 3);
                String minorityKey = keyOwnedBy(minority, minority);
                String majorityKey = keyOwnedBy(majority, majority);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> minority.getMap("protected-orders").put(minorityKey, "before"));

                isolatedLink.cut();

                IMap<String, String> minorityMap = minority.getMap("protected-orders");
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThatThrownBy(() -> minorityMap.put(minorityKey, "after"))
                                .isInstanceOf(SplitBrainProtectionException.class));
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> ZookeeperMember.forInstance(majority)
                                        .orElseThrow()
                                        .registeredMembers()
                                        .size()
                                == 2);
                IMap<String, String> majorityMap = majority.getMap("protected-orders");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> majorityMap.put(majorityKey, "majority"));
                assertThat(majorityMap.get(majorityKey)).isEqualTo("majority");
                // an unprotected map is not affected
                minority.getMap("plain").put(minorityKey, "plain");

                isolatedLink.heal();

                await().atMost(Duration.ofSeconds(60))
                        .ignoreException(SplitBrainProtectionException.class)
                        .untilAsserted(() -> minorityMap.put(minorityKey, "healed"));
                assertThat(majorityMap.get(minorityKey)).isEqualTo("healed");
            } finally {
                for (HazelcastInstance instance : new HazelcastInstance[] {isolated, second, first}) {
                    if (instance != null) {
                        instance.getLifecycleService().terminate();
                    }
                }
            }
        }
    }

    private static String keyOwnedBy(HazelcastInstance view, HazelcastInstance owner) {
        return IntStream.range(0, 10_000)
                .mapToObj(i -> "key-" + i)
                .filter(key -> owner.getCluster()
                        .getLocalMember()
                        .equals(view.getPartitionService().getPartition(key).getOwner()))
                .findFirst()
                .orElseThrow();
    }

    private static HazelcastInstance member(String cluster, String connectString) {
        Config config = memberConfig(cluster, properties(connectString, "startup-timeout-seconds", 30));
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(PROTECTION, true, 2)
                .setFunctionClassName(ZookeeperSplitBrainProtectionFunction.class.getName()));
        config.addMapConfig(new MapConfig("protected-*").setSplitBrainProtectionName(PROTECTION));
        return Hazelcast.newHazelcastInstance(config);
    }
}
