package io.gridkeeper.zookeeper;

import static io.gridkeeper.zookeeper.TestMembers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code auth-scheme=sasl} against a real ZooKeeper server that authenticates with SASL DIGEST-MD5 (server JAAS
 * section {@code Server}, {@code authProvider.1=SASLAuthenticationProvider}); the members' credentials come from the
 * JAAS {@code Client} section. JAAS is configured JVM-wide, so this class runs in a surefire fork of its own
 * (execution {@code sasl} in zk-discovery's pom).
 */
final class ZookeeperSaslTest {

    private static final String USER = "gridkeeper";
    private static final String PASSWORD = "sasl-" + UUID.randomUUID();

    @TempDir
    static Path directory;

    private static TestingServer zookeeper;

    @BeforeAll
    static void startSaslZookeeper() throws Exception {
        Path jaas = Files.writeString(directory.resolve("jaas.conf"), """
                Server {
                  org.apache.zookeeper.server.auth.DigestLoginModule required
                  user_%1$s="%2$s";
                };
                Client {
                  org.apache.zookeeper.server.auth.DigestLoginModule required
                  username="%1$s"
                  password="%2$s";
                };
                """.formatted(USER, PASSWORD));
        System.setProperty(ZookeeperDiscoveryConfig.JAAS_CONFIG_PROPERTY, jaas.toString());
        InstanceSpec spec = new InstanceSpec(
                null,
                -1,
                -1,
                -1,
                true,
                -1,
                -1,
                -1,
                Map.of("authProvider.1", "org.apache.zookeeper.server.auth.SASLAuthenticationProvider"));
        zookeeper = new TestingServer(spec, true);
    }

    @AfterAll
    static void stopZookeeper() throws Exception {
        zookeeper.close();
    }

    @Test
    void members_withSaslScheme_formClusterWithZnodesWritableOnlyByTheSaslPrincipal() throws Exception {
        String cluster = uniqueClusterName();
        Map<String, Comparable> properties = properties(zookeeper.getConnectString(), "auth-scheme", "sasl");
        HazelcastInstance first = member(cluster, properties);
        HazelcastInstance second = member(cluster, properties);
        try (CuratorFramework anonymous = anonymousClient()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> second.getCluster().getMembers().size() == 2);
            ZookeeperMember member = ZookeeperMember.forInstance(first).orElseThrow();
            assertThat(member.config().authScheme()).contains("sasl");
            assertThat(member.registeredMembers()).hasSize(2);

            List<ACL> acl = anonymous.getACL().forPath(member.registrationPath());
            assertThat(acl)
                    .containsExactlyInAnyOrder(
                            new ACL(ZooDefs.Perms.ALL, new Id("sasl", USER)),
                            new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE));

            // every znode the cluster created (registry, leader latch and epoch) carries the same ACL
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> anonymous.checkExists().forPath(member.clusterPath() + "/leader/epoch") != null);
            for (String path : tree(anonymous, member.clusterPath())) {
                assertThat(anonymous.getACL().forPath(path)).as(path).containsExactlyInAnyOrderElementsOf(acl);
            }

            // a policy znode created by an authenticated member carries the cluster's ACL too
            String policy = member.clusterPath() + "/migration/policy";
            member.curator()
                    .create()
                    .creatingParentsIfNeeded()
                    .forPath(policy, "{\"policy\":\"delayed\"}".getBytes(StandardCharsets.UTF_8));

            String fake = member.config().membersPath() + "/10.6.6.6:5701";
            assertThatThrownBy(() -> anonymous.create().forPath(fake, new byte[] {1}))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.setData().forPath(member.registrationPath(), new byte[] {1}))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.delete().forPath(member.registrationPath()))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous
                            .setData()
                            .forPath(policy, "{\"policy\":\"manual\"}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.delete().forPath(policy))
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThat(new String(anonymous.getData().forPath(policy), StandardCharsets.UTF_8))
                    .contains("delayed");
        } finally {
            shutdown(first, second);
        }
    }

    @Test
    void toolConfig_withSaslFromSystemProperty_authenticatesAndMayWrite() throws Exception {
        String cluster = uniqueClusterName();
        System.setProperty("gridkeeper.zookeeper.auth-scheme", "sasl");
        try {
            ZookeeperDiscoveryConfig config =
                    ZookeeperDiscoveryConfig.forTool(zookeeper.getConnectString(), "/gridkeeper", cluster);
            try (CuratorFramework tool = CuratorClients.secure(
                                    CuratorFrameworkFactory.builder()
                                            .connectString(zookeeper.getConnectString())
                                            .retryPolicy(new RetryOneTime(100)),
                                    config)
                            .build();
                    CuratorFramework anonymous = anonymousClient()) {
                tool.start();
                String path = config.clusterPath() + "/migration/policy";
                tool.create().creatingParentsIfNeeded().forPath(path, new byte[] {1});

                assertThat(config.aclMode()).isEqualTo(ZookeeperDiscoveryConfig.AclMode.CREATOR);
                assertThat(anonymous.getACL().forPath(path)).contains(new ACL(ZooDefs.Perms.ALL, new Id("sasl", USER)));
                assertThatThrownBy(() -> anonymous.setData().forPath(path, new byte[] {2}))
                        .isInstanceOf(KeeperException.NoAuthException.class);
            }
        } finally {
            System.clearProperty("gridkeeper.zookeeper.auth-scheme");
        }
    }

    /** The path and every znode below it. */
    private static List<String> tree(CuratorFramework client, String path) throws Exception {
        List<String> paths = new java.util.ArrayList<>(List.of(path));
        for (String child : client.getChildren().forPath(path)) {
            paths.addAll(tree(client, path + "/" + child));
        }
        return paths;
    }

    /** A client that does not use the JVM's JAAS Client section. */
    private static CuratorFramework anonymousClient() throws Exception {
        ZKClientConfig noSasl = new ZKClientConfig();
        noSasl.setProperty(ZKClientConfig.ENABLE_CLIENT_SASL_KEY, "false");
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(zookeeper.getConnectString())
                .retryPolicy(new RetryOneTime(100))
                .zkClientConfig(noSasl)
                .build();
        client.start();
        client.blockUntilConnected();
        return client;
    }
}
