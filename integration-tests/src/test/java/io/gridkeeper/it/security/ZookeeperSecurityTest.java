package io.gridkeeper.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gridkeeper.it.fixture.MemberJvm;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.migration.control.MigrationZnodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two member JVMs with digest authentication and {@code acl=creator}; an unauthenticated ZooKeeper client tries to
 * register a fake member and to change the migration znodes, and the secret is looked for in every log and in
 * {@code gridkeeper status} output.
 */
final class ZookeeperSecurityTest {

    private static final String USER = "gridkeeper";
    /** A secret that cannot appear in any output by chance. */
    private static final String PASSWORD = "pw-" + UUID.randomUUID().toString().replace("-", "");

    private static final String CLUSTER = "sec-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String CLUSTER_PATH = "/gridkeeper/" + CLUSTER;

    private static ZookeeperFixture zookeeper;
    private static MemberJvm first;
    private static MemberJvm second;
    private static CuratorFramework anonymous;
    private static CuratorFramework operator;

    @BeforeAll
    static void startCluster() {
        zookeeper = ZookeeperFixture.single();
        first = member("sec-first").start();
        second = member("sec-second").start();
        first.awaitReady(Duration.ofSeconds(90));
        second.awaitReady(Duration.ofSeconds(90));
        anonymous = CuratorFrameworkFactory.newClient(zookeeper.connectString(), new RetryOneTime(100));
        anonymous.start();
        operator = CuratorFrameworkFactory.builder()
                .connectString(zookeeper.connectString())
                .retryPolicy(new RetryOneTime(100))
                .authorization("digest", (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
                .build();
        operator.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> children(CLUSTER_PATH + "/members").size() == 2
                        && anonymous.checkExists().forPath(MigrationZnodes.path(CLUSTER_PATH, MigrationZnodes.HOLD))
                                != null);
    }

    @AfterAll
    static void stopCluster() {
        if (operator != null) {
            operator.close();
        }
        if (anonymous != null) {
            anonymous.close();
        }
        for (MemberJvm member : new MemberJvm[] {second, first}) {
            if (member != null) {
                member.close();
            }
        }
        if (zookeeper != null) {
            zookeeper.close();
        }
    }

    @Test
    void membersZnode_unauthenticatedClient_cannotRegisterFakeMember() throws Exception {
        String fake = CLUSTER_PATH + "/members/10.6.6.6:5701";
        byte[] payload = ("{\"name\":\"hazelcast\",\"id\":\"fake\",\"address\":\"10.6.6.6\",\"port\":5701,"
                        + "\"payload\":{\"privateAddress\":\"10.6.6.6:5701\",\"nodeId\":\"fake\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> anonymous.create().forPath(fake, payload))
                .isInstanceOf(KeeperException.NoAuthException.class);
        String existing =
                CLUSTER_PATH + "/members/" + children(CLUSTER_PATH + "/members").get(0);
        assertThatThrownBy(() -> anonymous.setData().forPath(existing, payload))
                .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.delete().forPath(existing))
                .isInstanceOf(KeeperException.NoAuthException.class);
        assertThat(children(CLUSTER_PATH + "/members")).hasSize(2).noneMatch(name -> name.startsWith("10.6.6.6"));
    }

    @Test
    void policyZnode_unauthenticatedClient_cannotCreateOrChangeIt() throws Exception {
        String policy = MigrationZnodes.path(CLUSTER_PATH, MigrationZnodes.POLICY);
        byte[] hostile = "{\"policy\":\"manual\"}".getBytes(StandardCharsets.UTF_8);
        if (anonymous.checkExists().forPath(policy) == null) {
            assertThatThrownBy(() -> anonymous.create().forPath(policy, hostile))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
        assertThatThrownBy(() -> MigrationZnodes.setPolicy(anonymous, CLUSTER_PATH, Map.of("policy", "manual")))
                .hasRootCauseInstanceOf(KeeperException.NoAuthException.class);

        MigrationZnodes.setPolicy(operator, CLUSTER_PATH, Map.of("policy", "delayed", "grace-seconds", "60"));

        assertThat(anonymous.getACL().forPath(policy)).containsExactlyInAnyOrderElementsOf(clusterAcl());
        assertThatThrownBy(() -> anonymous.setData().forPath(policy, hostile))
                .isInstanceOf(KeeperException.NoAuthException.class);
        assertThatThrownBy(() -> anonymous.delete().forPath(policy))
                .isInstanceOf(KeeperException.NoAuthException.class);
        assertThat(MigrationZnodes.readPolicy(anonymous, CLUSTER_PATH))
                .contains(Map.of("policy", "delayed", "grace-seconds", "60"));
    }

    @Test
    void holdAndCommandsZnodes_unauthenticatedClient_cannotChangeThem() throws Exception {
        String root = MigrationZnodes.root(CLUSTER_PATH);
        String hold = MigrationZnodes.path(CLUSTER_PATH, MigrationZnodes.HOLD);
        String commands = MigrationZnodes.path(CLUSTER_PATH, MigrationZnodes.COMMANDS);
        byte[] hostile = "{}".getBytes(StandardCharsets.UTF_8);
        if (anonymous.checkExists().forPath(commands) == null) {
            assertThatThrownBy(() -> anonymous.create().forPath(commands, hostile))
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
        assertThatThrownBy(() -> MigrationZnodes.holdUntil(
                        anonymous, CLUSTER_PATH, Instant.now(), Instant.now().plusSeconds(3600), "intruder"))
                .hasRootCauseInstanceOf(KeeperException.NoAuthException.class);

        // a hold, not a rebalance request: the leader deletes a completed rebalance request, which would race
        MigrationZnodes.holdUntil(
                operator, CLUSTER_PATH, Instant.now(), Instant.now().plusSeconds(3600), "operator");

        for (String path : List.of(root, hold, commands)) {
            assertThat(anonymous.getACL().forPath(path))
                    .as("ACL of [%s]", path)
                    .containsExactlyInAnyOrderElementsOf(clusterAcl());
        }
        for (String path : List.of(hold, commands)) {
            assertThatThrownBy(() -> anonymous.setData().forPath(path, hostile))
                    .as("write to [%s]", path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
            assertThatThrownBy(() -> anonymous.delete().forPath(path))
                    .as("delete of [%s]", path)
                    .isInstanceOf(KeeperException.NoAuthException.class);
        }
    }

    @Test
    void secret_memberLogsAndStatusOutput_neverContainIt() throws Exception {
        MemberJvm status = MemberJvm.of("sec-status", "io.gridkeeper.cli.GridkeeperCommand")
                .systemProperty("gridkeeper.zookeeper.auth", USER + ":" + PASSWORD)
                .arg("status")
                .arg("--zookeeper")
                .arg(zookeeper.connectString())
                .arg("--cluster-name")
                .arg(CLUSTER)
                .arg("--verbose")
                .readyWhen(Pattern.compile("\\S"))
                .build()
                .start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> !status.isAlive());
            String statusOutput = Files.readString(status.log());
            assertThat(statusOutput).contains(CLUSTER).doesNotContain(PASSWORD);
            for (Path log : List.of(first.log(), second.log())) {
                String text = Files.readString(log);
                assertThat(text).as("log %s", log).contains("GRIDKEEPER-MEMBER-READY");
                assertThat(text).as("log %s", log).doesNotContain(PASSWORD);
            }
        } finally {
            status.close();
        }
    }

    private static MemberJvm member(String name) {
        return MemberJvm.member(name, zookeeper.connectString(), CLUSTER)
                .systemProperty("gridkeeper.zookeeper.auth", USER + ":" + PASSWORD)
                .systemProperty("gridkeeper.zookeeper.acl", "creator")
                .systemProperty("gridkeeper.zookeeper.session-timeout-seconds", "10")
                .systemProperty("hazelcast.phone.home.enabled", "false")
                .build();
    }

    /**
     * The ACL the members gave the cluster's znodes with {@code acl=creator} (everything for the cluster's
     * credential, read for anyone); ZooKeeper shows the digest id masked, so compare with what it reports.
     */
    private static List<ACL> clusterAcl() throws Exception {
        List<ACL> acl = anonymous.getACL().forPath(CLUSTER_PATH + "/members");
        assertThat(acl)
                .hasSize(2)
                .anyMatch(entry -> entry.getId().getScheme().equals("digest") && entry.getPerms() == ZooDefs.Perms.ALL)
                .anyMatch(entry ->
                        entry.getId().equals(ZooDefs.Ids.ANYONE_ID_UNSAFE) && entry.getPerms() == ZooDefs.Perms.READ);
        return acl;
    }

    private static List<String> children(String path) throws Exception {
        return anonymous.checkExists().forPath(path) == null
                ? List.of()
                : anonymous.getChildren().forPath(path);
    }
}
