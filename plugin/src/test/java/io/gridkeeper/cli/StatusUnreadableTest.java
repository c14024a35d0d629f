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
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code status} against a real ZooKeeper and a real member whose hold znode holds junk written past the leader: the
 * command still exits 0, shows the member, the leader and the health, and says the hold is unreadable and why.
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
                CuratorFramework tool =
                        CuratorFrameworkFactory.newClient(zookeeper.getConnectString(), new RetryOneTime(200))) {
            tool.start();
            GridkeeperNode node = GridkeeperNode.start(new NodeSettings(
                    null,
                    zookeeper.getConnectString(),
                    21810,
                    cluster,
                    null,
                    null,
                    null,
                    null,
                    "n1",
                    freePort(),
                    null));
            try {
                // the leader records its first decision once; with one member and no command nothing changes after it
                await().atMost(Duration.ofSeconds(60)).until(() -> !MigrationZnodes.readDecisions(tool, clusterPath)
                        .isEmpty());
                tool.setData().forPath(holdPath, "{\"type\":[".getBytes(StandardCharsets.UTF_8));

                CliRun text =
                        CliRun.of("status", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster);
                CliRun json = CliRun.of(
                        "status", "--json", "--zookeeper", zookeeper.getConnectString(), "--cluster-name", cluster);

                assertThat(text.exitCode()).as(text.err()).isZero();
                assertThat(text.out())
                        .contains("State     ACTIVE")
                        .contains("Leader    n1 at ")
                        .contains("Hold      unreadable ([" + holdPath
                                + "] Unreadable HoldRecord [{\"type\":[] (9 bytes)")
                        .contains("Members   1 in the cluster, 1 registered in ZooKeeper");
                assertThat(json.exitCode()).as(json.err()).isZero();
                JsonNode status = JSON.readTree(json.out());
                assertThat(status.path("leader").path("nodeId").asText()).isEqualTo("n1");
                assertThat(status.path("members")).hasSize(1);
                assertThat(status.path("hold").isNull()).isTrue();
                assertThat(status.path("unreadable")).hasSize(1);
                assertThat(status.path("unreadable").get(0).asText())
                        .startsWith("[" + holdPath + "] Unreadable HoldRecord");
            } finally {
                node.close();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
