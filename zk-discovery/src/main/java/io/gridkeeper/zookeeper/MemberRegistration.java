package io.gridkeeper.zookeeper;

import com.hazelcast.logging.ILogger;
import java.io.Closeable;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.ServiceType;
import org.apache.curator.x.discovery.details.InstanceSerializer;
import org.apache.curator.x.discovery.details.ServiceDiscoveryImpl;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * This member's one ephemeral registration, kept through Curator's {@code ServiceDiscovery}.
 *
 * <p>Curator's {@code ServiceDiscoveryImpl} re-registers on every {@code RECONNECTED} by deleting and re-creating
 * the znode when it exists, whoever owns it, and gives up after one failure. Here registration is idempotent
 * and owner-aware (as Kafka and Helix do): a znode owned by the current session with the same data is left
 * alone (a reconnect within the session causes no churn); one owned by another session (the expired session of
 * this member, still alive on the server after a client-side expiry) is deleted at its version and created
 * again; a missing one is created. On every {@code RECONNECTED} a check also runs on a named executor and is
 * retried until it succeeds or the registration is closed, so there is exactly one entry per member.
 *
 * <p>Thread-safe; {@link #close()} is idempotent and deletes the znode.
 */
final class MemberRegistration implements Closeable {

    private static final long RETRY_DELAY_MS = 500;

    private final CuratorFramework curator;
    private final ILogger logger;
    private final ServiceInstance<MemberPayload> instance;
    private final OwnerAwareServiceDiscovery discovery;
    private final ScheduledExecutorService executor;
    private final ConnectionStateListener reconnectListener;
    /** How many times this member created its znode (1 at start, +1 per lost registration); for the logs. */
    private final AtomicLong creations = new AtomicLong();

    private volatile boolean closed;

    MemberRegistration(
            CuratorFramework curator,
            ZookeeperDiscoveryConfig config,
            InstanceSerializer<MemberPayload> serializer,
            MemberPayload payload,
            ScheduledExecutorService executor,
            ILogger logger) {
        this.curator = curator;
        this.logger = logger;
        this.executor = executor;
        String[] hostPort = splitHostPort(payload.privateAddress());
        this.instance = new ServiceInstance<>(
                ZookeeperDiscoveryConfig.MEMBERS_NODE,
                payload.nodeId(),
                hostPort[0],
                Integer.parseInt(hostPort[1]),
                null,
                payload,
                System.currentTimeMillis(),
                ServiceType.DYNAMIC,
                null);
        this.discovery = new OwnerAwareServiceDiscovery(curator, config.clusterPath(), serializer);
        this.reconnectListener = (client, state) -> {
            if (state == ConnectionState.RECONNECTED) {
                scheduleCheck(0);
            }
        };
    }

    /** Registers this member; blocks (with Curator's retries) until the znode exists. */
    void start() throws Exception {
        discovery.start();
        discovery.registerService(instance);
        curator.getConnectionStateListenable().addListener(reconnectListener);
    }

    /** The znode path of this registration. */
    String path() {
        return discovery.instancePath(instance.getId());
    }

    private void scheduleCheck(long delayMs) {
        if (closed) {
            return;
        }
        try {
            executor.schedule(this::check, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void check() {
        if (closed) {
            return;
        }
        try {
            discovery.ensureRegistered(instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            logger.fine("Registration check of [" + path() + "] failed, retrying", e);
            scheduleCheck(RETRY_DELAY_MS);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        curator.getConnectionStateListenable().removeListener(reconnectListener);
        try {
            discovery.close(); // unregisters (deletes) the znode
        } catch (Exception e) {
            logger.fine("Could not delete registration [" + path() + "]; it disappears with the session", e);
        }
    }

    private static String[] splitHostPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
    }

    /** Curator's service discovery with owner-aware, idempotent registration. */
    private final class OwnerAwareServiceDiscovery extends ServiceDiscoveryImpl<MemberPayload> {
        private final String clusterPath;
        private final InstanceSerializer<MemberPayload> serializer;

        OwnerAwareServiceDiscovery(
                CuratorFramework client, String clusterPath, InstanceSerializer<MemberPayload> serializer) {
            super(client, clusterPath, serializer, null, false);
            this.clusterPath = clusterPath;
            this.serializer = serializer;
        }

        String instancePath(String id) {
            return ZKPaths.makePath(clusterPath, ZookeeperDiscoveryConfig.MEMBERS_NODE, id);
        }

        void ensureRegistered(ServiceInstance<MemberPayload> service) throws Exception {
            internalRegisterService(service);
        }

        @Override
        protected synchronized void internalRegisterService(ServiceInstance<MemberPayload> service) throws Exception {
            if (closed) {
                return;
            }
            byte[] data = serializer.serialize(service);
            String path = instancePath(service.getId());
            for (int attempt = 0; attempt < 5; attempt++) {
                long session = curator.getZookeeperClient().getZooKeeper().getSessionId();
                Stat stat = curator.checkExists().forPath(path);
                if (stat == null) {
                    try {
                        curator.create()
                                .creatingParentContainersIfNeeded()
                                .withMode(CreateMode.EPHEMERAL)
                                .forPath(path, data);
                        long count = creations.incrementAndGet();
                        logger.info("Registered [" + path + "] on ZooKeeper session [0x" + Long.toHexString(session)
                                + "]" + (count > 1 ? " (registration #" + count + ")" : ""));
                        return;
                    } catch (KeeperException.NodeExistsException raced) {
                        continue;
                    }
                }
                if (stat.getEphemeralOwner() == session) {
                    byte[] current = curator.getData().forPath(path);
                    if (!Arrays.equals(current, data)) {
                        curator.setData().withVersion(stat.getVersion()).forPath(path, data);
                    }
                    return;
                }
                logStale(path, stat);
                try {
                    curator.delete().withVersion(stat.getVersion()).forPath(path);
                } catch (KeeperException.NoNodeException | KeeperException.BadVersionException raced) {
                    // the old session expired meanwhile or the node changed: look again
                }
            }
            throw new IllegalStateException("could not register [" + path + "]: it keeps changing under us");
        }

        private void logStale(String path, Stat stat) {
            String owner = stat.getEphemeralOwner() == 0
                    ? "no session (a persistent node)"
                    : "session [0x" + Long.toHexString(stat.getEphemeralOwner()) + "]";
            String previous;
            try {
                previous = serializer
                        .deserialize(curator.getData().forPath(path))
                        .getPayload()
                        .privateAddress();
            } catch (Exception e) {
                previous = "<unreadable>";
            }
            String self = instance.getPayload().privateAddress();
            if (previous.equals(self)) {
                logger.info("Replacing stale registration [" + path + "] of this member owned by " + owner);
            } else {
                logger.warning("Replacing registration [" + path + "] of [" + previous + "] owned by " + owner
                        + " with this member [" + self + "]; if both members are alive, give them distinct"
                        + " [node-id]");
            }
        }
    }
}
