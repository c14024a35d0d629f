package io.gridkeeper.zookeeper;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One ZooKeeper test server (random port) for all tests of a class, and an unauthenticated Curator client on it,
 * started on first use. Register it on a static field: {@code @RegisterExtension static final ZookeeperExtension
 * zookeeper = new ZookeeperExtension();}. The server starts before the first test; after the last one the client and
 * then the server are closed. Tests that stop or restart the server use {@link TestServers} instead.
 */
final class ZookeeperExtension implements BeforeAllCallback, AfterAllCallback {

    private TestingServer server;
    private CuratorFramework curator;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new TestingServer(true);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (curator != null) {
                curator.close();
            }
        } finally {
            server.close();
        }
    }

    String connectString() {
        return server.getConnectString();
    }

    /** The shared client (no credentials), started on first use. */
    CuratorFramework curator() {
        if (curator == null) {
            curator = CuratorFrameworkFactory.newClient(connectString(), new RetryOneTime(100));
            curator.start();
        }
        return curator;
    }

    /** Creates {@code path} (and its parents) holding {@code data}, or replaces its data when it exists. */
    void write(String path, byte[] data) throws Exception {
        curator().create().orSetData().creatingParentsIfNeeded().forPath(path, data);
    }
}
