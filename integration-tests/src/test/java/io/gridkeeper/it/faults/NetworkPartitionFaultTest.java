package io.gridkeeper.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.RoutingMode;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridkeeper.it.fixture.MemberJvm;
import io.gridkeeper.it.fixture.MemberMain;
import io.gridkeeper.it.fixture.NetworkLab;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import io.gridkeeper.zookeeper.splitbrain.ZookeeperSplitBrainProtectionFunction;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

/**
 * A real network partition between members: three member JVMs, each in its own network namespace with its own address
 * ({@link NetworkLab}), are cut into {node-a, node-b} | {node-c} by blackhole routes. ZooKeeper (an ensemble of 3 in
 * the root namespace) stays reachable from every namespace, so the minority member <b>keeps its ZooKeeper session</b>:
 * the case a member-count function also handles, and the one the registry function must get right by counting the
 * members it sees (1) against those registered (3), not by its own session.
 *
 * <p>The cache {@value FaultCluster#CACHE} is protected by {@link ZookeeperSplitBrainProtectionFunction} through the
 * documented hazelcast.yaml. The writers' client reaches the cluster through node-a only (single-member routing): it
 * stands for an application on the majority side of the cut. A second client, connected only to node-c, stands for an
 * application stranded with the minority: once node-c sees itself alone its writes fail with {@link
 * SplitBrainProtectionException}, while the majority keeps acknowledging writes. After healing, node-c merges back
 * (Hazelcast's split-brain merge, first run after 5 s here) and every write the majority acknowledged is there.
 */
final class NetworkPartitionFaultTest {

    /** How long the partition lasts once the minority rejects writes; the long profile raises it. */
    private static final Duration PARTITION =
            Duration.ofSeconds(Long.getLong("gridkeeper.faults.partition-seconds", 5));

    private static final List<String> MAJORITY = List.of("node-a", "node-b");
    private static final String MINORITY = "node-c";

    private static final String MEMBER_YAML =
            """
            hazelcast:
              split-brain-protection:
                zookeeper-registry:
                  enabled: true
                  protect-on: WRITE
                  minimum-cluster-size: 2
                  function-class-name: %s
              map:
                %s:
                  backup-count: 1
                  split-brain-protection-ref: zookeeper-registry
            """.formatted(ZookeeperSplitBrainProtectionFunction.class.getName(), FaultCluster.CACHE);

    @Test
    void minorityCutOffKeepingZookeeper_protectedCache_rejectsMinorityWritesAndMergesWithoutLoss() throws Exception {
        partitionScenario(false);
    }

    @Test
    void minorityCutOffFromMembersAndZookeeper_protectedCache_rejectsMinorityWritesAndMergesWithoutLoss()
            throws Exception {
        partitionScenario(true);
    }

    /**
     * Cuts node-c off from node-a and node-b and, when {@code minorityLosesZookeeper}, from ZooKeeper too (its session
     * expires; the majority then counts 2 of 2 registered). Clients in the root namespace reach every member either way.
     */
    private static void partitionScenario(boolean minorityLosesZookeeper) throws Exception {
        String name = "netsplit-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> nodes = new ArrayList<>(MAJORITY);
        nodes.add(MINORITY);
        try (NetworkLab lab = NetworkLab.create(List.of("a", "b", "c"));
                ZookeeperFixture zookeeper = ZookeeperFixture.ensemble(3, lab.serviceAddress())) {
            // closed before ZooKeeper and the namespaces go: clients, then member JVMs
            List<AutoCloseable> resources = new ArrayList<>();
            GridkeeperCachingProvider provider = new GridkeeperCachingProvider();
            try {
                run(name, nodes, lab, zookeeper, provider, resources, minorityLosesZookeeper);
            } finally {
                provider.close();
                for (AutoCloseable resource : resources) {
                    try {
                        resource.close();
                    } catch (Exception e) {
                        System.err.println("closing " + resource + " failed: " + e);
                    }
                }
            }
        }
    }

    private static void run(
            String name,
            List<String> nodes,
            NetworkLab lab,
            ZookeeperFixture zookeeper,
            GridkeeperCachingProvider provider,
            List<AutoCloseable> resources,
            boolean minorityLosesZookeeper)
            throws Exception {
        CuratorFramework observer = zookeeper.newClient();
        String clusterPath = "/gridkeeper/" + name;
        // ZooKeeper listens on the bridge address: members reach it from their namespaces, the test from here
        String connectString = zookeeper.connectString();
        Path yaml = Path.of("target", name + "-member.yaml");
        Files.writeString(yaml, MEMBER_YAML, StandardCharsets.UTF_8);
        Map<String, MemberJvm> members = new HashMap<>();
        for (String node : nodes) {
            MemberJvm member = MemberJvm.member(node + "-" + name, connectString, name)
                    .commandPrefix(lab.exec(host(node)))
                    .systemProperty(MemberMain.INTERFACE, lab.address(host(node)))
                    .systemProperty("hazelcast.config", yaml.toAbsolutePath().toString())
                    .systemProperty("gridkeeper.zookeeper.node-id", node)
                    .systemProperty("gridkeeper.zookeeper.session-timeout-seconds", "10")
                    .systemProperty("hazelcast.heartbeat.interval.seconds", "1")
                    .systemProperty("hazelcast.max.no.heartbeat.seconds", "8")
                    .systemProperty("hazelcast.merge.first.run.delay.seconds", "5")
                    .systemProperty("hazelcast.merge.next.run.delay.seconds", "5")
                    .build()
                    .start();
            resources.add(0, member);
            member.awaitReady(Duration.ofSeconds(120));
            members.put(node, member);
        }
        HazelcastInstance writersClient = client(name, members.get("node-a").address());
        resources.add(0, writersClient::shutdown);
        Cache<String, Long> cache = cache(provider, writersClient, name + "-writers");
        await("3 members, registered and safe")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> writersClient.getCluster().getMembers().size() == 3
                        && registered(observer, clusterPath).size() == 3
                        && clusterSafe(writersClient));
        HazelcastInstance minorityClient = client(name, members.get(MINORITY).address());
        resources.add(0, minorityClient::shutdown);
        Cache<String, Long> minorityCache = cache(provider, minorityClient, name + "-minority");
        minorityCache.put("probe", 0L);

        Ledger ledger = new Ledger();
        long operations;
        long acknowledged;
        long failures;
        Duration recovery;
        try (Workload workload = new Workload(cache, ledger, 4)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> workload.acknowledged() > 100);

            lab.partition(hosts(MAJORITY), Set.of(host(MINORITY)));
            if (minorityLosesZookeeper) {
                lab.cutFromServices(host(MINORITY));
            }

            await("node-c rejects writes to the protected cache")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(AssertionError.class)
                    .untilAsserted(() -> assertThatThrownBy(() -> minorityCache.put("probe", 1L))
                            .isInstanceOf(CacheException.class)
                            .hasCauseInstanceOf(SplitBrainProtectionException.class));
            await("the majority sees 2 members")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> writersClient.getCluster().getMembers().size() == 2);
            workload.awaitProgress(100);
            if (minorityLosesZookeeper) {
                // node-c's session expires: the majority is then 2 of 2 registered members
                await("node-c's registration expired")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> !registered(observer, clusterPath).contains(MINORITY));
                workload.awaitProgress(100);
            }
            // for the whole partition node-c keeps rejecting writes, and keeps its registration if it kept ZooKeeper
            int registeredDuringPartition = minorityLosesZookeeper ? 2 : 3;
            await().during(PARTITION)
                    .atMost(PARTITION.plusSeconds(30))
                    .until(() -> registered(observer, clusterPath).size() == registeredDuringPartition);
            assertThatThrownBy(() -> minorityCache.put("probe", 2L))
                    .hasCauseInstanceOf(SplitBrainProtectionException.class);
            minorityClient.shutdown();

            long healedAt = System.nanoTime();
            lab.heal();

            await("node-c merged back: 3 members, registered and safe")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> writersClient.getCluster().getMembers().size() == 3
                            && registered(observer, clusterPath).size() == 3
                            && clusterSafe(writersClient));
            recovery = Duration.ofNanos(System.nanoTime() - healedAt);
            HazelcastInstance mergedClient = client(name, members.get(MINORITY).address());
            resources.add(0, mergedClient::shutdown);
            Cache<String, Long> mergedCache = cache(provider, mergedClient, name + "-merged");
            await("node-c accepts writes again")
                    .atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .untilAsserted(() -> mergedCache.put("probe", 3L));
            workload.awaitProgress(100);
            operations = workload.operations();
            acknowledged = workload.acknowledged();
            failures = workload.failures();
        }
        Map<String, String> lost = ledger.lost(cache::get);
        FaultResults.record(
                minorityLosesZookeeper
                        ? "network partition, minority also loses ZooKeeper"
                        : "network partition, minority keeps ZooKeeper",
                "node-c cut off from node-a/node-b" + (minorityLosesZookeeper ? " and ZooKeeper" : "") + " for "
                        + PARTITION.toSeconds() + " s after it rejected writes (netns blackhole routes)",
                operations,
                acknowledged,
                failures,
                lost.size(),
                recovery);
        assertThat(lost).as("acknowledged writes lost (expected -> found)").isEmpty();
    }

    private static String host(String node) {
        return node.substring("node-".length());
    }

    private static Set<String> hosts(List<String> nodes) {
        return nodes.stream().map(NetworkPartitionFaultTest::host).collect(Collectors.toSet());
    }

    /** A client that talks to the member at {@code address} only (single-member routing), over the bridge. */
    private static HazelcastInstance client(String cluster, String address) {
        ClientConfig config = new ClientConfig().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.client.invocation.timeout.seconds", "20");
        config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getClusterRoutingConfig().setRoutingMode(RoutingMode.SINGLE_MEMBER);
        config.getNetworkConfig().addAddress(address);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(120_000);
        return HazelcastClient.newHazelcastClient(config);
    }

    private static Cache<String, Long> cache(GridkeeperCachingProvider provider, HazelcastInstance client, String uri) {
        Properties properties = new Properties();
        properties.put(ProviderProperties.INSTANCE_ITSELF, client);
        CacheManager manager = provider.getCacheManager(
                URI.create("gridkeeper:" + uri), NetworkPartitionFaultTest.class.getClassLoader(), properties);
        return manager.createCache(
                FaultCluster.CACHE, new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
    }

    private static List<String> registered(CuratorFramework observer, String clusterPath) {
        try {
            return observer.getChildren().forPath(clusterPath + "/members");
        } catch (Exception e) {
            return List.of();
        }
    }

    private static boolean clusterSafe(HazelcastInstance client) {
        try {
            return client.getExecutorService("fault-probe")
                    .submit(new SafetyProbe())
                    .get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
