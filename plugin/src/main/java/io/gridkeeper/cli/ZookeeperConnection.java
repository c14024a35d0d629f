package io.gridkeeper.cli;

import io.gridkeeper.zookeeper.CuratorClients;
import io.gridkeeper.zookeeper.ZookeeperDiscoveryConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryNTimes;

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
                                .retryPolicy(new RetryNTimes(2, 200)),
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
}
