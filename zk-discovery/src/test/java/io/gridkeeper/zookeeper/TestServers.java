package io.gridkeeper.zookeeper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.curator.test.TestingServer;

/**
 * ZooKeeper test servers that tests stop and restart on the same port.
 *
 * <p>Curator's {@code new TestingServer()} takes its port from Linux's ephemeral range (32768-60999). While the server
 * is stopped, its clients keep reconnecting from ephemeral local ports, and one of them can be handed the server's
 * own port (TCP connects to itself), after which the restart fails with "Address already in use". A port below that
 * range is never handed out as a local port, so it stays free for the restart.
 */
public final class TestServers {

    private TestServers() {}

    /** A started server on a free port in {@code [20000, 32000)}. */
    public static TestingServer started() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(candidate), 1);
            } catch (IOException taken) {
                continue;
            }
            return new TestingServer(candidate, true);
        }
        throw new IOException("no free port in [20000, 32000) after 200 attempts");
    }
}
