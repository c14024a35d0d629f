package io.gridkeeper.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridkeeper.zookeeper.election.ClusterLeadership;
import io.gridkeeper.zookeeper.election.LeaderElection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class GridkeeperNodeTest {

    @BeforeAll
    static void loopbackOnly() {
        System.setProperty("hazelcast.local.localAddress", "127.0.0.1");
    }

    @Test
    void start_withConnectString_joinsThroughZookeeperAndLeads() throws Exception {
        try (TestingServer zookeeper = new TestingServer()) {
            GridkeeperNode node = GridkeeperNode.start(settings(zookeeper.getConnectString(), freePort()));
            try {
                LeaderElection election =
                        ClusterLeadership.forInstance(node.instance()).orElseThrow();

                assertThat(node.devMode()).isFalse();
                assertThat(node.connectString()).isEqualTo(zookeeper.getConnectString());
                assertThat(node.nodeId()).isEqualTo("n1");
                assertThat(election.self().nodeId()).isEqualTo("n1");
                await().atMost(Duration.ofSeconds(30)).until(election::isLeader);
            } finally {
                node.close();
            }
            assertThat(node.instance().getLifecycleService().isRunning()).isFalse();
            assertThat(node.closeRequested()).isTrue();
        }
    }

    @Test
    void start_withoutConnectString_servesTheDevZookeeperAndStopsItOnClose() throws IOException {
        int devPort = freePort();
        GridkeeperNode node = GridkeeperNode.start(settings(null, freePort(), devPort), name -> null);

        assertThat(node.devMode()).isTrue();
        assertThat(node.connectString()).isEqualTo("127.0.0.1:" + devPort);
        assertThat(node.instance().getCluster().getMembers()).hasSize(1);

        node.close();
        node.close();

        assertThat(node.instance().getLifecycleService().isRunning()).isFalse();
        try (ServerSocket rebound = new ServerSocket(devPort, 50, InetAddress.getLoopbackAddress())) {
            assertThat(rebound.isBound())
                    .as("the dev ZooKeeper released its port")
                    .isTrue();
        }
    }

    private static NodeSettings settings(String connectString, int port) {
        return new NodeSettings(
                null, connectString, 21810, "node-" + UUID.randomUUID(), null, null, null, null, "n1", port, null);
    }

    private static NodeSettings settings(String connectString, int port, int devPort) {
        return new NodeSettings(
                null, connectString, devPort, "node-" + UUID.randomUUID(), null, null, null, null, "n1", port, null);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
