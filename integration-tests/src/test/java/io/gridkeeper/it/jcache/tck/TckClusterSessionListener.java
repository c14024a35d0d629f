package io.gridkeeper.it.jcache.tck;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridkeeper.it.fixture.ZookeeperFixture;
import io.gridkeeper.it.jcache.JCacheTestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the cluster the TCK's client-mode run talks to: a ZooKeeper test server and two members in this JVM on free
 * ports, with a unique cluster name, that find each other through Gridkeeper's ZooKeeper discovery. The provider
 * reaches them through a Hazelcast client that discovers them the same way, configured by a generated client YAML
 * ({@code hazelcast.client.config}). Active only when the system property {@code gridkeeper.tck.mode=client}.
 */
public final class TckClusterSessionListener implements LauncherSessionListener {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private @Nullable ZookeeperFixture zookeeper;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"client".equals(System.getProperty("gridkeeper.tck.mode"))) {
            return;
        }
        String clusterName = "gridkeeper-jcache-tck-" + UUID.randomUUID();
        zookeeper = ZookeeperFixture.single();
        Map<String, Comparable> discovery = Map.of("connect-string", zookeeper.connectString());
        for (int i = 0; i < 2; i++) {
            members.add(Hazelcast.newHazelcastInstance(
                    JCacheTestConfigs.memberConfig(clusterName, zookeeper.connectString())));
        }
        try {
            Path clientConfig = Files.createTempFile("gridkeeper-jcache-tck-client", ".yaml");
            clientConfig.toFile().deleteOnExit();
            Files.writeString(clientConfig, JCacheTestConfigs.yaml(clusterName, zookeeper.connectString()));
            System.setProperty("hazelcast.client.config", clientConfig.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("gridkeeper.jcache.mode", "client");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        members.forEach(HazelcastInstance::shutdown);
        members.clear();
        if (zookeeper != null) {
            zookeeper.close();
            zookeeper = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
