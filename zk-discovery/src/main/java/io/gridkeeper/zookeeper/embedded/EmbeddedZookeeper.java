package io.gridkeeper.zookeeper.embedded;

import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.jspecify.annotations.Nullable;

/**
 * A development ZooKeeper on {@code 127.0.0.1}: a real, single, in-process ZooKeeper server whose data lives in a
 * temporary folder deleted on close — or, when a sibling node on this machine already serves the port, that one.
 *
 * <p>Only for development: the launcher uses it when no connect string is configured, and never otherwise. The dev
 * port ({@link #DEFAULT_DEV_PORT}) is deliberately not ZooKeeper's 2181, so a dev node never joins a real ZooKeeper by
 * accident.
 *
 * <p>A node that joined a sibling's server checks it every second; when the sibling is gone, one surviving node takes
 * over the port with a fresh, empty server. Members then get new ZooKeeper sessions and register again; the election
 * epoch restarts at 1 because the data is gone (dev mode only — production ZooKeeper keeps it).
 *
 * <p>Thread safe. {@link #close()} is idempotent and stops the server if this node hosts it.
 */
public final class EmbeddedZookeeper implements Closeable {

    /** The documented dev port: ZooKeeper's 2181 with a trailing 0, so it never collides with a real server. */
    public static final int DEFAULT_DEV_PORT = 21810;

    static final Duration DEFAULT_JOIN_TIMEOUT = Duration.ofSeconds(15);
    private static final int TICK_TIME_MILLIS = 2_000;
    private static final int MAX_CLIENT_CONNECTIONS = 200;
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 200;
    private static final long TAKEOVER_CHECK_MILLIS = 1_000;

    /** Whether this node serves the port itself or uses a sibling's server. */
    public enum Role {
        HOSTING,
        JOINED
    }

    private enum State {
        STARTED,
        CLOSED
    }

    private final int port;
    private final ILogger logger;
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTED);
    private final ScheduledExecutorService watcher;
    private @Nullable Server server;

    private EmbeddedZookeeper(int port, @Nullable Server server, ILogger logger) {
        this.port = port;
        this.server = server;
        this.logger = logger;
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gridkeeper-dev-zookeeper-" + port);
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(
                this::takeOverIfOrphaned, TAKEOVER_CHECK_MILLIS, TAKEOVER_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Serves a ZooKeeper on {@code 127.0.0.1:port}, or joins the one a sibling already serves there.
     *
     * @param port the dev port, normally {@link #DEFAULT_DEV_PORT}
     * @throws IllegalArgumentException when the port is out of range
     * @throws IllegalStateException when something that is not ZooKeeper holds the port
     */
    public static EmbeddedZookeeper startOrJoin(int port) {
        return startOrJoin(port, DEFAULT_JOIN_TIMEOUT);
    }

    static EmbeddedZookeeper startOrJoin(int port, Duration joinTimeout) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Dev ZooKeeper port must be in [1, 65535] but was [" + port + "]");
        }
        ILogger logger = Logger.getLogger(EmbeddedZookeeper.class);
        long deadline = System.nanoTime() + joinTimeout.toNanos();
        while (true) {
            if (answersAsZookeeper(port)) {
                logger.info("DEV MODE: using the development ZooKeeper a sibling node serves at [127.0.0.1:" + port
                        + "]; configure a connect string for anything but development");
                return new EmbeddedZookeeper(port, null, logger);
            }
            Server hosted = Server.tryStart(port);
            if (hosted != null) {
                logger.info("DEV MODE: started a development ZooKeeper at [127.0.0.1:" + port + "] (data in ["
                        + hosted.dataDir() + "], deleted on exit); configure a connect string for anything but"
                        + " development");
                return new EmbeddedZookeeper(port, hosted, logger);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Dev ZooKeeper port [127.0.0.1:" + port
                        + "] is in use by something that does not answer as ZooKeeper; configure a ZooKeeper"
                        + " connect string or another dev port");
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the dev ZooKeeper on [" + port + "]", e);
            }
        }
    }

    /** The connect string for this dev ZooKeeper: {@code 127.0.0.1:<port>}. */
    public String connectString() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Whether this node serves the port now (it may take over later when the sibling that served it stops). */
    public synchronized Role role() {
        return server != null ? Role.HOSTING : Role.JOINED;
    }

    /** Stops the server (and deletes its data) if this node hosts it. Idempotent. */
    @Override
    public void close() {
        if (!state.compareAndSet(State.STARTED, State.CLOSED)) {
            return;
        }
        watcher.shutdownNow();
        Server hosted;
        synchronized (this) {
            hosted = server;
            server = null;
        }
        if (hosted != null) {
            hosted.stop();
            logger.info("DEV MODE: stopped the development ZooKeeper at [127.0.0.1:" + port + "]");
        }
    }

    @Override
    public String toString() {
        return "EmbeddedZookeeper{127.0.0.1:" + port + ", " + role() + ", " + state.get() + "}";
    }

    private void takeOverIfOrphaned() {
        if (state.get() != State.STARTED || role() == Role.HOSTING || answersAsZookeeper(port)) {
            return;
        }
        Server hosted = Server.tryStart(port);
        if (hosted == null) {
            return; // A sibling was faster; we keep using its server.
        }
        synchronized (this) {
            if (state.get() == State.STARTED) {
                server = hosted;
                hosted = null;
            }
        }
        if (hosted != null) {
            hosted.stop(); // closed meanwhile
            return;
        }
        logger.warning("DEV MODE: the node serving the development ZooKeeper at [127.0.0.1:" + port
                + "] is gone; this node now serves a fresh, empty one (members register again)");
    }

    /** Whether {@code 127.0.0.1:port} answers ZooKeeper's {@code srvr} four-letter word. */
    static boolean answersAsZookeeper(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(256), StandardCharsets.US_ASCII);
            // A server with four-letter words disabled still names the command it refuses.
            return answer.startsWith("Zookeeper version") || answer.contains("is not executed because");
        } catch (IOException e) {
            return false;
        }
    }

    /** One running in-process ZooKeeper server and its temporary data folder. */
    private record Server(ServerCnxnFactory factory, ZooKeeperServer zookeeper, Path dataDir) {

        /** Starts a server on the port, or returns null when the port is taken. */
        static @Nullable Server tryStart(int port) {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("gridkeeper-dev-zookeeper-");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a data folder for the dev ZooKeeper", e);
            }
            ServerCnxnFactory factory = null;
            try {
                ZooKeeperServer zookeeper = new ZooKeeperServer(dataDir.toFile(), dataDir.toFile(), TICK_TIME_MILLIS);
                factory = ServerCnxnFactory.createFactory();
                factory.configure(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), MAX_CLIENT_CONNECTIONS);
                factory.startup(zookeeper);
                return new Server(factory, zookeeper, dataDir);
            } catch (BindException e) {
                deleteQuietly(dataDir);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                shutdownQuietly(factory);
                deleteQuietly(dataDir);
                throw new IllegalStateException("Interrupted while starting the dev ZooKeeper on [" + port + "]", e);
            } catch (IOException | RuntimeException | LinkageError e) {
                shutdownQuietly(factory);
                deleteQuietly(dataDir);
                if (e.getCause() instanceof BindException) {
                    return null;
                }
                throw new IllegalStateException(
                        "Could not start the dev ZooKeeper on [127.0.0.1:" + port + "]: " + e, e);
            }
        }

        void stop() {
            factory.shutdown();
            zookeeper.shutdown();
            deleteQuietly(dataDir);
        }

        private static void shutdownQuietly(@Nullable ServerCnxnFactory factory) {
            if (factory != null) {
                factory.shutdown();
            }
        }

        private static void deleteQuietly(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // Best effort: it is a temporary folder.
            }
        }
    }
}
