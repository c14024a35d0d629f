package io.gridkeeper.zookeeper;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.instance.BuildInfoProvider;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.discovery.AbstractDiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryNode;
import com.hazelcast.spi.partitiongroup.PartitionGroupMetaData;
import com.hazelcast.spi.partitiongroup.PartitionGroupStrategy;
import io.gridkeeper.zookeeper.election.ClusterLeadership;
import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Discovery SPI strategy over ZooKeeper; create it through {@link ZookeeperDiscoveryStrategyFactory}.
 *
 * <p>This class is public because declarative configuration names it: Hazelcast matches the {@code class} of a
 * {@code discovery-strategy} in hazelcast.yaml/xml against the strategy type of each factory it finds through
 * {@code ServiceLoader}, so write {@code class: io.gridkeeper.zookeeper.ZookeeperDiscoveryStrategy} (the old plugin
 * likewise used {@code com.hazelcast.zookeeper.ZookeeperDiscoveryStrategy}).
 *
 * <p>Lifecycle: LATENT → STARTED ({@link #start()}: connect within {@code startup-timeout-seconds}, start the
 * watched member directory and, on members, register) → CLOSED ({@link #destroy()}, idempotent, reverse order).
 * {@link #discoverNodes()} answers from the watched cache and never throws; Curator callbacks never block: the
 * registration check after a reconnect runs on this strategy's named executor.
 */
public final class ZookeeperDiscoveryStrategy extends AbstractDiscoveryStrategy {

    /** Member attribute carrying the stable node id. */
    static final String NODE_ID_ATTRIBUTE = "gridkeeper.node-id";

    static final String ZONE_ATTRIBUTE = PartitionGroupMetaData.PARTITION_GROUP_ZONE;
    static final String RACK_ATTRIBUTE = PartitionGroupMetaData.PARTITION_GROUP_PLACEMENT;

    private enum State {
        LATENT,
        STARTED,
        CLOSED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
    private final ZookeeperDiscoveryConfig config;
    private final @Nullable MemberPayload localPayload;
    private final @Nullable Address localAddress;
    private final JsonInstanceSerializer<MemberPayload> serializer = new JsonInstanceSerializer<>(MemberPayload.class);
    /** What was started, closed in reverse order. */
    private final Deque<Closeable> started = new ArrayDeque<>();

    private volatile @Nullable MemberDirectory directory;

    ZookeeperDiscoveryStrategy(@Nullable DiscoveryNode localNode, ILogger logger, Map<String, Comparable> properties) {
        super(logger, properties);
        String clusterName = ClusterNames.of(logger).orElse(null);
        this.config = ZookeeperDiscoveryConfig.from(PropertyLookup.of(properties), clusterName);
        if (!config.clusterIdExplicit() && clusterName == null) {
            logger.warning("Could not read the Hazelcast cluster name; using cluster-id ["
                    + ZookeeperDiscoveryConfig.DEFAULT_CLUSTER_ID + "]. Set [cluster-id] explicitly");
        }
        if (localNode == null) {
            this.localAddress = null;
            this.localPayload = null;
            logger.info("ZooKeeper discovery (client, read-only): " + config);
        } else {
            this.localAddress = localNode.getPrivateAddress();
            String privateAddress = hostPort(localNode.getPrivateAddress());
            String publicAddress = config.publicAddress()
                    .orElseGet(() -> hostPort(
                            localNode.getPublicAddress() == null
                                    ? localNode.getPrivateAddress()
                                    : localNode.getPublicAddress()));
            this.localPayload = new MemberPayload(
                    privateAddress,
                    publicAddress,
                    BuildInfoProvider.getBuildInfo().getVersion(),
                    config.zone().orElse(null),
                    config.rack().orElse(null),
                    config.nodeId().orElse(privateAddress));
            logger.info("ZooKeeper discovery (member " + localPayload.nodeId() + "): " + config);
        }
    }

    /** The validated configuration. */
    ZookeeperDiscoveryConfig config() {
        return config;
    }

    @Override
    public void start() {
        if (!state.compareAndSet(State.LATENT, State.STARTED)) {
            throw new IllegalStateException("ZooKeeper discovery was already started");
        }
        long deadline = System.nanoTime() + config.startupTimeout().toNanos();
        String threadPrefix = "gridkeeper-zk-" + config.clusterId();
        try {
            CuratorFramework curator = CuratorClients.newClient(config, threadPrefix);
            curator.getConnectionStateListenable().addListener((client, newState) -> logConnection(newState));
            curator.start();
            track(curator);
            if (!curator.blockUntilConnected(Math.toIntExact(remainingMs(deadline)), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(unreachable("could not connect"));
            }
            MemberDirectory members = new MemberDirectory(curator, config.membersPath(), serializer, getLogger());
            track(members);
            if (!members.start(remainingMs(deadline))) {
                throw new IllegalStateException(unreachable("could not read [" + config.membersPath() + "]"));
            }
            this.directory = members;
            if (localPayload != null && localAddress != null) {
                startMember(curator, members, localAddress, localPayload);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeStarted();
            throw new IllegalStateException("Interrupted while starting ZooKeeper discovery", e);
        } catch (RuntimeException e) {
            closeStarted();
            throw e;
        } catch (Exception e) {
            closeStarted();
            throw new IllegalStateException(unreachable("could not register"), e);
        }
    }

    private void startMember(CuratorFramework curator, MemberDirectory members, Address address, MemberPayload payload)
            throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                CuratorClients.threads("gridkeeper-zk-registration-" + config.clusterId()));
        track(executor::shutdownNow);
        MemberRegistration registration =
                new MemberRegistration(curator, config, serializer, payload, executor, getLogger());
        registration.start();
        track(registration);
        ZookeeperMember member = new ZookeeperMember(
                curator,
                config,
                address,
                payload.nodeId(),
                registration.path(),
                () -> members.snapshot().stream()
                        .map(MemberDirectory.Entry::payload)
                        .toList(),
                members::unreadableCount);
        ZookeeperMember.register(member);
        track(() -> ZookeeperMember.deregister(member));
        // ---- LEADER ELECTION HOOK ----
        // The leader election (io.gridkeeper.zookeeper.election) runs on members only, sharing `member`'s connection;
        // destroy() stops it first, before the registration is deleted and the connection closed.
        track(ClusterLeadership.start(member, getLogger()));
    }

    /** Logs connection changes once per transition (Curator reports transitions only); never blocks. */
    private void logConnection(ConnectionState newState) {
        MemberDirectory members = directory;
        int known = members == null ? 0 : members.snapshot().size();
        switch (newState) {
            case SUSPENDED ->
                getLogger()
                        .warning("ZooKeeper connection to [" + config.connectString() + "] suspended; discovery keeps"
                                + " answering the last known [" + known + "] members");
            case LOST ->
                getLogger()
                        .warning("ZooKeeper session to [" + config.connectString() + "] lost; this member registers"
                                + " again once reconnected, the Hazelcast cluster is not affected");
            case RECONNECTED ->
                getLogger().info("ZooKeeper connection to [" + config.connectString() + "] re-established");
            default -> {
                // CONNECTED and READ_ONLY need no log line: start() reports the first connection
            }
        }
    }

    private String unreachable(String what) {
        return "ZooKeeper discovery " + what + " at [connect-string=" + config.connectString() + "] within ["
                + ZookeeperDiscoveryProperties.STARTUP_TIMEOUT_SECONDS.key() + "="
                + config.startupTimeout().toSeconds() + "]; check that ZooKeeper runs and is reachable, or raise"
                + " the timeout";
    }

    @Override
    public Iterable<DiscoveryNode> discoverNodes() {
        MemberDirectory members = directory;
        if (members == null) {
            return List.of();
        }
        return members.snapshot().stream().map(MemberDirectory.Entry::node).toList();
    }

    @Override
    public Map<String, String> discoverLocalMetadata() {
        if (localPayload == null) {
            return Map.of();
        }
        Map<String, String> metadata = new HashMap<>();
        metadata.put(NODE_ID_ATTRIBUTE, localPayload.nodeId());
        config.zone().ifPresent(zone -> metadata.put(ZONE_ATTRIBUTE, zone));
        config.rack().ifPresent(rack -> metadata.put(RACK_ATTRIBUTE, rack));
        return Map.copyOf(metadata);
    }

    @Override
    public PartitionGroupStrategy getPartitionGroupStrategy(Collection<? extends Member> allMembers) {
        return new ZonePartitionGroupStrategy(allMembers);
    }

    @Override
    public void destroy() {
        if (state.getAndSet(State.CLOSED) != State.STARTED) {
            return;
        }
        directory = null;
        closeStarted();
    }

    private void track(Closeable component) {
        synchronized (started) {
            started.push(component);
        }
    }

    private void closeStarted() {
        synchronized (started) {
            while (!started.isEmpty()) {
                Closeable next = started.pop();
                try {
                    next.close();
                } catch (Exception e) {
                    getLogger().warning("Failed to close " + next + " of ZooKeeper discovery", e);
                }
            }
        }
    }

    private static long remainingMs(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static String hostPort(Address address) {
        String host = address.getHost();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
