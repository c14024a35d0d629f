package io.gridkeeper.cli;

import io.gridkeeper.zookeeper.CuratorClients;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.utils.ZookeeperFactory;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.jspecify.annotations.Nullable;

/** Opens the short-lived Curator client of one CLI command; failures are one line naming the connect string. */
final class ZookeeperConnection {

    private ZookeeperConnection() {}

    /**
     * A started client connected to the cluster's ZooKeeper; the caller closes it.
     *
     * @throws IllegalStateException when ZooKeeper does not answer within {@code timeout}, naming the connect string
     */
    static CuratorFramework open(ClusterOptions options, Duration timeout) {
        String connectString = options.connectStringOrDev();
        int millis = Math.toIntExact(timeout.toMillis());
        // auth, ACL and TLS from gridkeeper.zookeeper.* system properties / environment, as on the members
        ZookeeperDiscoveryConfig security = ZookeeperDiscoveryConfig.forTool(
                connectString, options.basePathOrDefault(), options.clusterIdOrDefault());
        CuratorFramework curator = CuratorClients.secure(
                        CuratorFrameworkFactory.builder()
                                .connectString(connectString)
                                .sessionTimeoutMs(Math.max(millis, 10_000))
                                .connectionTimeoutMs(millis)
                                .retryPolicy(new RetryNTimes(2, 200))
                                .zookeeperFactory(new ServerAwareFactory()),
                        security)
                .build();
        curator.start();
        try {
            if (!curator.blockUntilConnected(millis, TimeUnit.MILLISECONDS)) {
                curator.close();
                throw new IllegalStateException("ZooKeeper [" + connectString + "] did not answer within ["
                        + timeout.toSeconds() + "s]; "
                        + (options.zookeeper == null
                                ? "no dev node runs here: start one, or pass --zookeeper"
                                : "check --zookeeper"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            curator.close();
            throw new IllegalStateException("Interrupted while connecting to ZooKeeper [" + connectString + "]", e);
        }
        return curator;
    }

    /**
     * What this tool's own ZooKeeper session looks like: whether it is connected to a server that has a quorum, to
     * which server, and with which session.
     */
    static ZookeeperHealth health(CuratorFramework curator, String connectString) {
        try {
            ZooKeeper handle = curator.getZookeeperClient().getZooKeeper();
            ZooKeeper.States state = handle.getState();
            boolean connected = state != null && state.isConnected();
            String server = handle instanceof ServerAwareZooKeeper aware ? aware.server() : null;
            return new ZookeeperHealth(
                    connectString,
                    connected,
                    String.valueOf(state),
                    state == ZooKeeper.States.CONNECTED,
                    server,
                    connected ? "0x" + Long.toHexString(handle.getSessionId()) : null,
                    connected ? (long) handle.getSessionTimeout() : null,
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ZookeeperHealth.unreachable(connectString, "interrupted");
        } catch (Exception e) {
            return ZookeeperHealth.unreachable(connectString, GridkeeperCommand.oneLine(e));
        }
    }

    /** Creates {@link ServerAwareZooKeeper} handles, honouring the client configuration Curator passes. */
    private static final class ServerAwareFactory implements ZookeeperFactory {
        @Override
        public ZooKeeper newZooKeeper(String connectString, int sessionTimeout, Watcher watcher, boolean readOnly)
                throws IOException {
            return new ServerAwareZooKeeper(connectString, sessionTimeout, watcher, readOnly, null);
        }

        @Override
        public ZooKeeper newZooKeeper(
                String connectString,
                int sessionTimeout,
                Watcher watcher,
                boolean readOnly,
                @Nullable ZKClientConfig config)
                throws IOException {
            return new ServerAwareZooKeeper(connectString, sessionTimeout, watcher, readOnly, config);
        }
    }

    /** A ZooKeeper handle that tells which server it is connected to (ZooKeeper keeps that protected). */
    private static final class ServerAwareZooKeeper extends ZooKeeper {
        ServerAwareZooKeeper(
                String connectString,
                int sessionTimeout,
                Watcher watcher,
                boolean readOnly,
                @Nullable ZKClientConfig config)
                throws IOException {
            super(connectString, sessionTimeout, watcher, readOnly, config == null ? new ZKClientConfig() : config);
        }

        @Nullable
        String server() {
            SocketAddress remote = testableRemoteSocketAddress();
            if (remote instanceof InetSocketAddress inet) {
                return inet.getHostString() + ":" + inet.getPort();
            }
            return remote == null ? null : remote.toString();
        }
    }
}
