package io.gridkeeper.it.faults;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.RoutingMode;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.MemberJvm;
import io.gridkeeper.it.fixture.MemberMain;
import io.gridkeeper.it.fixture.NetworkLab;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.jcache.GridkeeperCachingProvider;
import io.gridkeeper.jcache.configuration.ProviderProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.apache.curator.framework.CuratorFramework;

/**
 * Member JVMs in their own network namespaces ({@link NetworkLab}, host {@code x} runs node {@code node-x}), a
 * ZooKeeper ensemble of 3 on the lab's service address, and Hazelcast clients in this JVM that each talk to one
 * member only (single-member routing), so a test decides which side of a partition a client stands on.
 *
 * <p>Members start from a hazelcast.yaml given by the test ({@code -Dhazelcast.config}), bind to their namespace
 * address, use a 10 s ZooKeeper session, a 8 s heartbeat timeout and merge split clusters 5 s after a heal. {@link
 * #close()} closes clients, then members, then ZooKeeper, then the namespaces.
 */
final class NamespaceCluster implements AutoCloseable {

    final String name = "netsplit-" + UUID.randomUUID().toString().substring(0, 8);
    final String clusterPath = "/gridkeeper/" + name;
    final NetworkLab lab;
    final ZookeeperFixture zookeeper;
    final CuratorFramework observer;

    private final Map<String, MemberJvm> members = new LinkedHashMap<>();
    private final List<HazelcastInstance> clients = new ArrayList<>();
    private final GridkeeperCachingProvider provider = new GridkeeperCachingProvider();
    private final Path yaml;

    /** Creates the namespaces (hosts {@code a}, {@code b}, ...) and ZooKeeper; starts no member. */
    NamespaceCluster(List<String> hosts, String memberYaml) {
        lab = NetworkLab.create(hosts);
        try {
            // curator-test binds ZooKeeper to this address: members reach it from their namespaces, the test from here
            zookeeper = ZookeeperFixture.ensemble(3, lab.serviceAddress());
            observer = zookeeper.newClient();
            yaml = Path.of("target", name + "-member.yaml").toAbsolutePath();
            Files.writeString(yaml, memberYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            lab.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** Starts {@code node-<host>} in {@code host}'s namespace and waits until it runs. */
    MemberJvm startMember(String host) {
        String node = "node-" + host;
        MemberJvm member = MemberJvm.member(node + "-" + name, zookeeper.connectString(), name)
                .commandPrefix(lab.exec(host))
                .systemProperty(MemberMain.INTERFACE, lab.address(host))
                .systemProperty("hazelcast.config", yaml.toString())
                .systemProperty("gridkeeper.zookeeper.node-id", node)
                .systemProperty("gridkeeper.zookeeper.session-timeout-seconds", "10")
                .systemProperty("hazelcast.heartbeat.interval.seconds", "1")
                .systemProperty("hazelcast.max.no.heartbeat.seconds", "8")
                .systemProperty("hazelcast.merge.first.run.delay.seconds", "5")
                .systemProperty("hazelcast.merge.next.run.delay.seconds", "5")
                .build();
        members.put(host, member);
        member.start().awaitReady(Duration.ofSeconds(120));
        return member;
    }

    /** A client that talks to {@code host}'s member only, over the bridge; closed with the cluster. */
    HazelcastInstance client(String host) {
        ClientConfig config = new ClientConfig().setClusterName(name);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // A write whose backup ack did not reach the client in time fails instead of counting as acknowledged:
        // it may exist only on the owner, and a kill of the owner then loses it (README > reliability)
        config.setProperty("hazelcast.client.operation.fail.on.indeterminate.state", "true");
        config.setProperty("hazelcast.client.invocation.timeout.seconds", "20");
        config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getClusterRoutingConfig().setRoutingMode(RoutingMode.SINGLE_MEMBER);
        config.getNetworkConfig().addAddress(members.get(host).address());
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(120_000);
        HazelcastInstance client = HazelcastClient.newHazelcastClient(config);
        clients.add(client);
        return client;
    }

    /** The JCache cache {@code cacheName} through {@code client}, under a Gridkeeper {@code CacheManager} of its own. */
    Cache<String, Long> cache(HazelcastInstance client, String cacheName) {
        Properties properties = new Properties();
        properties.put(ProviderProperties.INSTANCE_ITSELF, client);
        return provider.getCacheManager(
                        URI.create("gridkeeper:" + name + "-" + client.getName()),
                        getClass().getClassLoader(),
                        properties)
                .createCache(cacheName, new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
    }

    /** Node ids registered in ZooKeeper (empty while ZooKeeper cannot answer). */
    List<String> registered() {
        try {
            return observer.getChildren().forPath(clusterPath + "/members");
        } catch (Exception e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        try {
            provider.close();
            clients.forEach(client -> {
                try {
                    client.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("closing client " + client.getName() + " failed: " + e);
                }
            });
            List<MemberJvm> running = new ArrayList<>(members.values());
            java.util.Collections.reverse(running);
            running.forEach(MemberJvm::close);
            zookeeper.close();
        } finally {
            lab.close();
        }
    }
}
