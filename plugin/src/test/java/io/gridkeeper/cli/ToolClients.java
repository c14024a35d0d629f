package io.gridkeeper.cli;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
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

    /** An ACL entry giving every permission to the digest user {@code user:password} (and, alone, to nobody else). */
    static ACL allFor(String digestCredential) throws NoSuchAlgorithmException {
        return new ACL(
                ZooDefs.Perms.ALL, new Id("digest", DigestAuthenticationProvider.generateDigest(digestCredential)));
    }
}
