package io.gridkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridkeeper.migration.control.MigrationZnodes;
import io.gridkeeper.node.GridkeeperNode;
import io.gridkeeper.node.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code status} and {@code doctor} against a real ZooKeeper and a real member whose znodes hold junk written past
 * Gridkeeper (hold, a registration) or are hidden by a read ACL (election epoch, a registration): {@code status} still
 * exits 0, shows the member, the leader (when readable) and the health, and names each unreadable znode and why;
 * {@code doctor} reports each as a finding of its own, not as ZooKeeper unreachable.
 */
final class StatusUnreadableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loopbackOnly() {
        System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    }

    @Test
    void status_junkHoldZnode_showsTheClusterAndSaysTheHoldIsUnreadable() throws Exception {
        String cluster = "status-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String holdPath = MigrationZnodes.path(clusterPath, MigrationZnodes.HOLD);
        try (TestingServer zookeeper = new TestingServer();
                CuratorFramework tool = client(zookeeper, null);
                GridkeeperNode node = leadingNode(zookeeper, tool, cluster)) {
            tool.setData().forPath(holdPath, "{\"type\":[".getBytes(StandardCharsets.UTF_8));

            CliRun text = status(zookeeper, cluster);
            CliRun json = status(zookeeper, cluster, "--json");
            CliRun doctor = doctor(zookeeper, cluster);

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out())
                    .contains("State     ACTIVE")
                    .contains("Leader    n1 at ")
                    .contains("Hold      unreadable ([" + holdPath + "] Unreadable HoldRecord [{\"type\":[] (9 bytes)")
                    .contains("Members   1 in the cluster, 1 registered in ZooKeeper");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode status = JSON.readTree(json.out());
            assertThat(status.path("leader").path("nodeId").asText()).isEqualTo("n1");
            assertThat(status.path("members")).hasSize(1);
            assertThat(status.path("hold").isNull()).isTrue();
            assertThat(status.path("unreadable")).hasSize(1);
            assertThat(status.path("unreadable").get(0).asText())
                    .startsWith("[" + holdPath + "] Unreadable HoldRecord");
            // the other checks judged the running member: ZooKeeper and the member were read
            assertThat(doctor.out())
                    .contains("1 member(s) in the cluster, 1 registered")
                    .contains("WARNING   hold-unreadable")
                    .contains("[" + holdPath + "] Unreadable HoldRecord")
                    .doesNotContain("zookeeper-unreachable")
                    .doesNotContain("cluster-unreachable");
        }
    }

    @Test
    void status_epochAndRegistrationsUnreadable_showsTheRestAndListsThem() throws Exception {
        String cluster = "status-" + UUID.randomUUID().toString().substring(0, 8);
        String clusterPath = "/gridkeeper/" + cluster;
        String epochPath = clusterPath + "/leader/epoch";
        String junkPath = clusterPath + "/members/junk";
        String hiddenPath = clusterPath + "/members/hidden";
        List<ACL> adminOnly = List.of(ToolClients.allFor("admin:secret"));
        try (TestingServer zookeeper = new TestingServer();
                CuratorFramework tool = client(zookeeper, null);
                CuratorFramework admin = client(zookeeper, "admin:secret");
                GridkeeperNode node = leadingNode(zookeeper, tool, cluster)) {
            // a read ACL on the epoch znode (junk there is the next test); setAcl fires no watch, so the member keeps
            // its cached epoch
            tool.setACL().withACL(adminOnly).forPath(epochPath);
            tool.create().forPath(junkPath, "not json".getBytes(StandardCharsets.UTF_8));
            admin.create().withACL(adminOnly).forPath(hiddenPath, "{}".getBytes(StandardCharsets.UTF_8));

            CliRun text = status(zookeeper, cluster);
            CliRun json = status(zookeeper, cluster, "--json");
            CliRun doctor = doctor(zookeeper, cluster);

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out())
                    .contains("State     ACTIVE")
                    .contains(
                            "Leader    unreadable ([" + epochPath + "] KeeperErrorCode = NoAuth for " + epochPath + ")")
                    .contains("Members   1 in the cluster, 1 registered in ZooKeeper, 2 registration(s) unreadable")
                    .contains(
                            "  unreadable registration [" + hiddenPath + "] KeeperErrorCode = NoAuth for " + hiddenPath)
                    .contains("  unreadable registration [" + junkPath + "] Unreadable registration (8 bytes): ");
            assertThat(json.exitCode()).as(json.err()).isZero();
            JsonNode status = JSON.readTree(json.out());
            assertThat(status.path("leader").isNull()).isTrue();
            assertThat(status.path("members")).hasSize(1);
            assertThat(status.path("members").get(0).path("registered").asBoolean())
                    .isTrue();
            List<String> unreadable = new ArrayList<>();
            status.path("unreadable").forEach(line -> unreadable.add(line.asText()));
            assertThat(unreadable)
                    .hasSize(3)
                    .anySatisfy(line -> assertThat(line).startsWith("[" + epochPath + "] KeeperErrorCode = NoAuth"))
                    .anySatisfy(line -> assertThat(line).startsWith("[" + hiddenPath + "] KeeperErrorCode = NoAuth"))
                    .anySatisfy(line -> assertThat(line).startsWith("[" + junkPath + "] Unreadable registration"));
            assertThat(doctor.out())
                    .contains("1 member(s) in the cluster, 1 registered")
                    .contains("WARNING   election-unreadable")
                    .contains("WARNING   registration-unreadable")
                    .contains("[" + hiddenPath + "] KeeperErrorCode = NoAuth")
                    .doesNotContain("zookeeper-unreachable")
                    .doesNotContain("in-cluster-not-registered");
        }
    }

    @Test
    void status_junkEpochZnode_memberStillAnswersAndTheEpochIsListed() throws Exception {
        String cluster = "status-" + UUID.randomUUID().toString().substring(0, 8);
        String epochPath = "/gridkeeper/" + cluster + "/leader/epoch";
        try (TestingServer zookeeper = new TestingServer();
                CuratorFramework tool = client(zookeeper, null);
                GridkeeperNode node = leadingNode(zookeeper, tool, cluster)) {
            // the member's watched cache sees the junk too: its epoch metrics must not fail its report
            tool.setData().forPath(epochPath, "not json".getBytes(StandardCharsets.UTF_8));

            CliRun text = status(zookeeper, cluster);
            CliRun doctor = doctor(zookeeper, cluster);

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertThat(text.out())
                    .contains("State     ACTIVE")
                    .contains("Leader    unreadable ([" + epochPath + "] ")
                    .contains("Members   1 in the cluster, 1 registered in ZooKeeper")
                    .doesNotContain("did not answer");
            assertThat(doctor.out())
                    .contains("WARNING   election-unreadable")
                    .doesNotContain("member-not-answering")
                    .doesNotContain("zookeeper-unreachable");
        }
    }

    /** A started node that has recorded its first decision as the leader (nothing changes after it). */
    private static GridkeeperNode leadingNode(TestingServer zookeeper, CuratorFramework tool, String cluster) {
        GridkeeperNode node = GridkeeperNode.start(new NodeSettings(
                null, zookeeper.getConnectString(), 21810, cluster, null, null, null, null, "n1", freePort(), null));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !MigrationZnodes.readDecisions(tool, "/gridkeeper/" + cluster)
                            .isEmpty());
            return node;
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }
    }

    private static CliRun status(TestingServer zookeeper, String cluster, String... flags) {
        List<String> args = new ArrayList<>(
                List.of("status", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster));
        args.addAll(Arrays.asList(flags));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun doctor(TestingServer zookeeper, String cluster) {
        return CliRun.of("doctor", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster);
    }

    private static CuratorFramework client(TestingServer zookeeper, String credential) throws InterruptedException {
        return ToolClients.connected(zookeeper.getConnectString(), credential);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
