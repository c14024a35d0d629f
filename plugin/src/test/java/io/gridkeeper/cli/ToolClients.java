package io.gridkeeper.cli;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.jspecify.annotations.Nullable;

/** Curator clients for tests that write znodes past Gridkeeper, as an operator's own ZooKeeper tool would. */
final class ToolClients {

    private ToolClients() {}

    /**
     * A started, connected client; with {@code digestCredential} ({@code user:password}) it also authenticates with
     * ZooKeeper's digest scheme. The caller closes it.
     */
    static CuratorFramework connected(String connectString, @Nullable String digestCredential)
            throws InterruptedException {
        CuratorFrameworkFactory.Builder builder =
                CuratorFrameworkFactory.builder().connectString(connectString).retryPolicy(new RetryOneTime(100));
        if (digestCredential != null) {
            builder.authorization("digest", digestCredential.getBytes(StandardCharsets.UTF_8));
        }
        CuratorFramework client = builder.build();
        client.start();
        client.blockUntilConnected();
        return client;
    }
}
