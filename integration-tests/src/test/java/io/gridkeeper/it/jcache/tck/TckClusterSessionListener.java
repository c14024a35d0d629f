package io.gridkeeper.it.jcache.tck;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the cluster the TCK's client-mode run talks to: two members in this JVM on free ports, with a unique cluster
 * name; the provider reaches them through a Hazelcast client configured by a generated client YAML
 * ({@code hazelcast.client.config}). Active only when the system property {@code gridkeeper.tck.mode=client}.
 */
public final class TckClusterSessionListener implements LauncherSessionListener {

    private final List<HazelcastInstance> members = new ArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"client".equals(System.getProperty("gridkeeper.tck.mode"))) {
            return;
        }
        String clusterName = "gridkeeper-jcache-tck-" + UUID.randomUUID();
        int[] ports = {freePort(), freePort()};
        List<String> addresses = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1]);
        for (int port : ports) {
            Config config = new Config().setClusterName(clusterName);
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.wait.seconds.before.join", "1");
            config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getAutoDetectionConfig().setEnabled(false);
            join.getMulticastConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(true).setMembers(addresses);
            members.add(Hazelcast.newHazelcastInstance(config));
        }
        try {
            Path clientConfig = Files.createTempFile("gridkeeper-jcache-tck-client", ".yaml");
            clientConfig.toFile().deleteOnExit();
            Files.writeString(
                    clientConfig,
                    "hazelcast-client:\n  cluster-name: " + clusterName + "\n  network:\n    cluster-members:\n"
                            + "      - " + addresses.get(0) + "\n      - " + addresses.get(1) + "\n");
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
