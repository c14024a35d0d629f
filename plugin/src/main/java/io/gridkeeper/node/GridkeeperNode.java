package io.gridkeeper.node;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.logging.ILogger;
import com.hazelcast.logging.Logger;
import io.gridkeeper.migration.control.MigrationService;
import io.gridkeeper.zookeeper.embedded.EmbeddedZookeeper;
import java.io.Closeable;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One running Gridkeeper node: a Hazelcast member joined through ZooKeeper discovery, plus the embedded development
 * ZooKeeper when none is configured (dev mode).
 *
 * <p>{@link #close()} shuts the member down gracefully (its partitions are handed over first) and then stops the dev
 * ZooKeeper if this node serves it; it is idempotent and is what the launcher's shutdown hook calls on SIGTERM.
 */
public final class GridkeeperNode implements Closeable {

    /** Member attribute the ZooKeeper discovery strategy publishes with the stable node id. */
    public static final String NODE_ID_ATTRIBUTE = "gridkeeper.node-id";

    /** Member attribute with the zone (Hazelcast's partition-group zone key). */
    public static final String ZONE_ATTRIBUTE = "hazelcast.partition.group.zone";

    private static final ILogger LOGGER = Logger.getLogger(GridkeeperNode.class);

    private final HazelcastInstance instance;
    private final @Nullable EmbeddedZookeeper devZookeeper;
    private final String connectString;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private GridkeeperNode(HazelcastInstance instance, @Nullable EmbeddedZookeeper devZookeeper, String connectString) {
        this.instance = instance;
        this.devZookeeper = devZookeeper;
        this.connectString = connectString;
        instance.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                terminated.countDown();
            }
        });
        if (!instance.getLifecycleService().isRunning()) {
            terminated.countDown();
        }
    }

    /**
     * Starts a node: resolves the ZooKeeper connect string (or starts/joins the dev ZooKeeper), then the member.
     *
     * @throws IllegalArgumentException when the settings or the config file are invalid
     * @throws IllegalStateException when ZooKeeper or the member cannot start
     */
    public static GridkeeperNode start(NodeSettings settings) {
        return start(settings, System::getenv);
    }

    static GridkeeperNode start(NodeSettings settings, UnaryOperator<String> environment) {
        Config config = NodeConfigs.load(settings);
        // a member only logs invalid migration settings and runs the default policy; the launcher refuses to start
        MigrationService.checkSettings(config);
        Optional<String> configured = NodeConfigs.connectString(config, settings, environment);
        EmbeddedZookeeper devZookeeper = null;
        String connectString;
        if (configured.isPresent()) {
            connectString = configured.get();
        } else {
            LOGGER.warning("DEV MODE: no ZooKeeper configured (--zookeeper, GRIDKEEPER_ZOOKEEPER); using the"
                    + " development ZooKeeper on [127.0.0.1:" + settings.devZookeeperPort() + "]");
            devZookeeper = EmbeddedZookeeper.startOrJoin(settings.devZookeeperPort());
            connectString = devZookeeper.connectString();
        }
        NodeConfigs.useZookeeper(config, connectString);
        try {
            HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
            GridkeeperNode node = new GridkeeperNode(instance, devZookeeper, connectString);
            node.logStarted();
            return node;
        } catch (RuntimeException e) {
            if (devZookeeper != null) {
                devZookeeper.close();
            }
            throw e;
        }
    }

    public HazelcastInstance instance() {
        return instance;
    }

    /** Whether this node uses the embedded development ZooKeeper. */
    public boolean devMode() {
        return devZookeeper != null;
    }

    /** The ZooKeeper connect string this node uses. */
    public String connectString() {
        return connectString;
    }

    /** This member's stable node id, as published by the discovery strategy (its address when none was set). */
    public String nodeId() {
        Member local = instance.getCluster().getLocalMember();
        String nodeId = local.getAttribute(NODE_ID_ATTRIBUTE);
        return nodeId != null
                ? nodeId
                : local.getAddress().getHost() + ":" + local.getAddress().getPort();
    }

    /** Whether {@link #close()} was called (as opposed to the member shutting down on its own). */
    public boolean closeRequested() {
        return closed.get();
    }

    /** Blocks until the member has shut down (by {@link #close()} or for any other reason). */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Shuts the member down gracefully, then the dev ZooKeeper if this node serves it. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOGGER.info("Gridkeeper node [" + nodeIdOrUnknown() + "] shutting down gracefully");
        RuntimeException failure = null;
        try {
            instance.shutdown();
        } catch (RuntimeException e) {
            failure = e;
        }
        if (devZookeeper != null) {
            try {
                devZookeeper.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        terminated.countDown();
        if (failure != null) {
            throw failure;
        }
        LOGGER.info("Gridkeeper node stopped gracefully");
    }

    private String nodeIdOrUnknown() {
        try {
            return nodeId();
        } catch (RuntimeException e) {
            return "?"; // the member is already gone
        }
    }

    private void logStarted() {
        Member local = instance.getCluster().getLocalMember();
        LOGGER.info("Gridkeeper node [" + nodeId() + "] started: member [" + local.getAddress() + "], cluster ["
                + instance.getConfig().getClusterName() + "], "
                + instance.getCluster().getMembers().size()
                + " member(s), ZooKeeper [" + connectString + "]" + (devMode() ? " (DEV MODE)" : ""));
    }
}
