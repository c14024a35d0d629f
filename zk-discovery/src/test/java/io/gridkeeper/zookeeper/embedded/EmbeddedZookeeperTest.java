package io.gridkeeper.zookeeper.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;

final class EmbeddedZookeeperTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void startOrJoin_freePort_hostsARealZookeeper() throws Exception {
        int port = freePort();
        try (EmbeddedZookeeper zookeeper = EmbeddedZookeeper.startOrJoin(port);
                CuratorFramework client = connect(zookeeper.connectString())) {
            client.create().creatingParentsIfNeeded().forPath("/dev/hello", new byte[] {42});

            assertThat(zookeeper.role()).isEqualTo(EmbeddedZookeeper.Role.HOSTING);
            assertThat(zookeeper.connectString()).isEqualTo("127.0.0.1:" + port);
            assertThat(client.getData().forPath("/dev/hello")).containsExactly(42);
        }
    }

    @Test
    void startOrJoin_portServedBySibling_joinsTheSameServer() throws Exception {
        int port = freePort();
        try (EmbeddedZookeeper host = EmbeddedZookeeper.startOrJoin(port);
                EmbeddedZookeeper sibling = EmbeddedZookeeper.startOrJoin(port);
                CuratorFramework hostClient = connect(host.connectString());
                CuratorFramework siblingClient = connect(sibling.connectString())) {
            hostClient.create().forPath("/shared", new byte[] {7});

            assertThat(sibling.role()).isEqualTo(EmbeddedZookeeper.Role.JOINED);
            assertThat(siblingClient.getData().forPath("/shared")).containsExactly(7);
        }
    }

    @Test
    void close_hostingNode_survivingSiblingTakesOverThePort() {
        int port = freePort();
        try (EmbeddedZookeeper sibling = startHostThenJoin(port)) {
            await().atMost(TIMEOUT).until(() -> sibling.role() == EmbeddedZookeeper.Role.HOSTING);
            assertThat(EmbeddedZookeeper.answersAsZookeeper(port)).isTrue();
        }
    }

    @Test
    void close_hostingNode_stopsTheServer() {
        int port = freePort();
        EmbeddedZookeeper zookeeper = EmbeddedZookeeper.startOrJoin(port);

        zookeeper.close();
        zookeeper.close();

        assertThat(EmbeddedZookeeper.answersAsZookeeper(port)).isFalse();
    }

    @Test
    void startOrJoin_portHeldByAnotherService_failsNamingThePort() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> EmbeddedZookeeper.startOrJoin(port, Duration.ofMillis(500)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Dev ZooKeeper port [127.0.0.1:" + port + "] is in use by something that does not"
                            + " answer as ZooKeeper; configure a ZooKeeper connect string or another dev port");
        }
    }

    @Test
    void startOrJoin_portOutOfRange_failsNamingThePort() {
        assertThatThrownBy(() -> EmbeddedZookeeper.startOrJoin(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dev ZooKeeper port must be in [1, 65535] but was [70000]");
    }

    private static EmbeddedZookeeper startHostThenJoin(int port) {
        EmbeddedZookeeper host = EmbeddedZookeeper.startOrJoin(port);
        EmbeddedZookeeper sibling = EmbeddedZookeeper.startOrJoin(port);
        assertThat(sibling.role()).isEqualTo(EmbeddedZookeeper.Role.JOINED);
        host.close();
        return sibling;
    }

    private static CuratorFramework connect(String connectString) {
        CuratorFramework client =
                CuratorFrameworkFactory.newClient(connectString, 10_000, 5_000, new RetryOneTime(200));
        client.start();
        return client;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
