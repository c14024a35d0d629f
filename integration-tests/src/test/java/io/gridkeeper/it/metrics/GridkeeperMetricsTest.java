package io.gridkeeper.it.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.ManagementCenterMetrics;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.it.jcache.JCacheTestConfigs;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.zookeeper.ZookeeperMember;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * ZooKeeper, discovery, leadership and JCache metrics of real members (ZooKeeper discovery against a real ZooKeeper),
 * read through a client with {@code MC_READ_METRICS} as Management Center does, and through JMX.
 */
final class GridkeeperMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void metrics_twoMembersAndACacheUsedThroughAClient_readLikeManagementCenterAndThroughJmx() throws Exception {
        // the server grants at most 8 s while members ask for the default 30 s: the metric must show what was granted
        try (ZookeeperFixture zookeeper = ZookeeperFixture.singleWithMaxSessionTimeout(8_000);
                Cluster cluster = new Cluster(zookeeper, 2)) {
            HazelcastInstance a = cluster.members.get(0);
            HazelcastInstance b = cluster.members.get(1);
            HazelcastInstance client = cluster.client();

            for (HazelcastInstance member : cluster.members) {
                ZooKeeper session = ZookeeperMember.forInstance(member)
                        .orElseThrow()
                        .curator()
                        .getZookeeperClient()
                        .getZooKeeper();
                long sessionId = session.getSessionId();
                long negotiatedTimeout = session.getSessionTimeout();
                assertThat(negotiatedTimeout).isEqualTo(8_000);
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    assertThat(cluster.read(client, member, "gridkeeper.zookeeper"))
                            .containsEntry("connectionState", 1L)
                            .containsEntry("connected", 1L)
                            .containsEntry("sessionId", sessionId)
                            .containsEntry("sessionTimeoutMs", negotiatedTimeout)
                            .containsEntry("reconnects", 0L)
                            .containsEntry("sessionExpirations", 0L);
                    assertThat(cluster.read(client, member, "gridkeeper.discovery"))
                            .containsEntry("members", 2L)
                            .containsEntry("unreadableEntries", 0L)
                            .containsEntry("stalenessMs", 0L);
                    assertThat(cluster.read(client, member, "gridkeeper.leader"))
                            .containsKeys("leader", "epoch")
                            .hasEntrySatisfying("clusterEpoch", epoch -> assertThat(epoch.longValue())
                                    .isPositive());
                });
            }
            await().atMost(TIMEOUT).untilAsserted(() -> {
                List<Long> epochsOfLeaders = new ArrayList<>();
                for (HazelcastInstance member : cluster.members) {
                    Map<String, Number> leader = cluster.read(client, member, "gridkeeper.leader");
                    if (leader.get("leader").longValue() == 1) {
                        epochsOfLeaders.add(leader.get("epoch").longValue());
                    } else {
                        assertThat(leader).containsEntry("epoch", 0L);
                    }
                }
                assertThat(epochsOfLeaders).singleElement().satisfies(epoch -> assertThat(epoch)
                        .isGreaterThanOrEqualTo(1));
            });

            // An unreadable registration is counted and skipped.
            String membersPath =
                    ZookeeperMember.forInstance(a).orElseThrow().config().membersPath();
            zookeeper
                    .newClient()
                    .create()
                    .forPath(membersPath + "/garbage", "not json".getBytes(StandardCharsets.UTF_8));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(cluster.read(client, b, "gridkeeper.discovery"))
                    .containsEntry("unreadableEntries", 1L)
                    .containsEntry("members", 2L));

            // JCache used through the client: 3 puts, 2 hits, 1 miss, 1 removal; member b reports the cluster total.
            GridkeeperCachingProvider provider = new GridkeeperCachingProvider();
            try {
                Properties properties = new Properties();
                properties.put(ProviderProperties.INSTANCE_ITSELF, client);
                CacheManager manager = provider.getCacheManager(
                        URI.create("gridkeeper:metrics"), getClass().getClassLoader(), properties);
                Cache<String, String> orders = manager.createCache(
                        "orders",
                        new MutableConfiguration<String, String>()
                                .setTypes(String.class, String.class)
                                .setStatisticsEnabled(true));
                orders.put("o-1", "one");
                orders.put("o-2", "two");
                orders.put("o-3", "three");
                assertThat(orders.get("o-1")).isEqualTo("one");
                assertThat(orders.get("o-2")).isEqualTo("two");
                assertThat(orders.get("missing")).isNull();
                assertThat(orders.remove("o-3")).isTrue();

                await().atMost(TIMEOUT).untilAsserted(() -> {
                    Map<String, Number> statistics = ManagementCenterMetrics.read(
                            client, b.getCluster().getLocalMember().getUuid(), "gridkeeper.jcache", "orders");
                    assertThat(statistics)
                            .containsEntry("hits", 2L)
                            .containsEntry("misses", 1L)
                            .containsEntry("gets", 3L)
                            .containsEntry("puts", 3L)
                            .containsEntry("removals", 1L)
                            .containsEntry("evictions", 0L)
                            .containsKeys("averageGetTime", "averagePutTime", "averageRemoveTime");
                    assertThat(statistics.get("hitRatio").doubleValue()).isCloseTo(200.0 / 3, within(0.01));
                    assertThat(statistics.get("averagePutTime").doubleValue()).isPositive();
                });

                // JMX: the same registry, as com.hazelcast:type=Metrics MBeans
                ObjectName discovery = new ObjectName(
                        "com.hazelcast:type=Metrics,instance=" + b.getName() + ",prefix=gridkeeper.discovery");
                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(JMX.getAttribute(discovery, "members"))
                        .isEqualTo(2L));
                ObjectName leader = new ObjectName(
                        "com.hazelcast:type=Metrics,instance=" + b.getName() + ",prefix=gridkeeper.leader");
                assertThat((Long) JMX.getAttribute(leader, "clusterEpoch")).isPositive();
                await().atMost(TIMEOUT).untilAsserted(() -> assertThat(JMX.getAttribute(
                                new ObjectName("com.hazelcast:type=Metrics,instance=" + b.getName()
                                        + ",prefix=gridkeeper.jcache,tag0=\"name=orders\""),
                                "hits"))
                        .isEqualTo(2L));
                assertThat((Double) JMX.getAttribute(
                                new ObjectName("com.hazelcast:type=Metrics,instance=" + b.getName()
                                        + ",prefix=gridkeeper.jcache,tag0=\"name=orders\""),
                                "hitRatio"))
                        .isCloseTo(200.0 / 3, within(0.01));
            } finally {
                provider.close();
            }
        }
    }

    @Test
    void zookeeperMetrics_zookeeperDownAndBack_showSuspensionStalenessAndReconnect() throws Exception {
        try (ZookeeperFixture zookeeper = ZookeeperFixture.single();
                Cluster cluster = new Cluster(zookeeper, 1)) {
            HazelcastInstance member = cluster.members.get(0);
            HazelcastInstance client = cluster.client();
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(cluster.read(client, member, "gridkeeper.zookeeper"))
                    .containsEntry("connectionState", 1L));

            zookeeper.stop();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(cluster.read(client, member, "gridkeeper.zookeeper"))
                        .containsEntry("connected", 0L)
                        .hasEntrySatisfying("connectionState", state -> assertThat(state.longValue())
                                .isIn(3L, 4L));
                assertThat(cluster.read(client, member, "gridkeeper.discovery"))
                        .containsEntry("members", 1L)
                        .hasEntrySatisfying("stalenessMs", staleness -> assertThat(staleness.longValue())
                                .isPositive());
                assertThat(cluster.read(client, member, "gridkeeper.leader")).containsEntry("leader", 0L);
            });

            zookeeper.restart();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(cluster.read(client, member, "gridkeeper.zookeeper"))
                        .containsEntry("connectionState", 1L)
                        .containsEntry("reconnects", 1L);
                assertThat(cluster.read(client, member, "gridkeeper.discovery")).containsEntry("stalenessMs", 0L);
            });
        }
    }

    /** Members joined through ZooKeeper discovery, metrics collected every second, and clients; all shut down. */
    private static final class Cluster implements AutoCloseable {
        final String name = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        final List<HazelcastInstance> members = new ArrayList<>();
        final List<HazelcastInstance> clients = new ArrayList<>();

        Cluster(ZookeeperFixture zookeeper, int size) {
            for (int i = 0; i < size; i++) {
                Config config = JCacheTestConfigs.memberConfig(name, zookeeper.connectString());
                config.getMetricsConfig().setCollectionFrequencySeconds(1);
                config.setProperty("gridkeeper.migration.enabled", "false");
                members.add(Hazelcast.newHazelcastInstance(config));
            }
        }

        HazelcastInstance client() {
            ClientConfig config = new ClientConfig().setClusterName(name);
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
            for (HazelcastInstance member : members) {
                config.getNetworkConfig()
                        .addAddress("127.0.0.1:"
                                + member.getCluster()
                                        .getLocalMember()
                                        .getAddress()
                                        .getPort());
            }
            HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
            clients.add(client);
            return client;
        }

        Map<String, Number> read(HazelcastInstance client, HazelcastInstance member, String prefix) {
            return ManagementCenterMetrics.read(
                    client, member.getCluster().getLocalMember().getUuid(), prefix);
        }

        @Override
        public void close() {
            clients.forEach(HazelcastInstance::shutdown);
            members.forEach(member -> member.getLifecycleService().terminate());
        }
    }
}
