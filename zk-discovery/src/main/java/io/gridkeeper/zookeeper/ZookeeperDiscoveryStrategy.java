package io.gridkeeper.zookeeper;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.instance.BuildInfoProvider;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.discovery.AbstractDiscoveryStrategy;
import com.hazelcast.spi.discovery.DiscoveryNode;
import com.hazelcast.spi.partitiongroup.PartitionGroupMetaData;
import com.hazelcast.spi.partitiongroup.PartitionGroupStrategy;
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
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Discovery SPI strategy over ZooKeeper.
 *
 * <p>Lifecycle: LATENT → STARTED ({@link #start()}: connect within {@code startup-timeout-seconds}, start the
 * watched member directory and, on members, register) → CLOSED ({@link #destroy()}, idempotent, reverse order).
 * {@link #discoverNodes()} answers from the watched cache and never throws; Curator callbacks never block: the
 * registration check after a reconnect runs on this strategy's named executor.
 */
final class ZookeeperDiscoveryStrategy extends AbstractDiscoveryStrategy {

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
        this(localNode, logger, PropertyLookup.of(properties), properties);
    }

    ZookeeperDiscoveryStrategy(
            @Nullable DiscoveryNode localNode,
            ILogger logger,
            ZookeeperDiscoveryConfig.Source source,
            Map<String, Comparable> properties) {
        super(logger, properties);
        String clusterName = ClusterNames.of(logger).orElse(null);
        this.config = ZookeeperDiscoveryConfig.from(source, clusterName);
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
            curator.start();
            started.push(curator);
            if (!curator.blockUntilConnected(Math.toIntExact(remainingMs(deadline)), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(unreachable("could not connect"));
            }
            MemberDirectory members = new MemberDirectory(curator, config.membersPath(), serializer, getLogger());
            started.push(members);
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
        started.push(executor::shutdownNow);
        MemberRegistration registration =
                new MemberRegistration(curator, config, serializer, payload, executor, getLogger());
        registration.start();
        started.push(registration);
        ZookeeperMember member = new ZookeeperMember(
                curator, config, address, payload.nodeId(), registration.path(), () -> members.snapshot().stream()
                        .map(MemberDirectory.Entry::payload)
                        .toList());
        ZookeeperMember.register(member);
        started.push(() -> ZookeeperMember.deregister(member));
        // ---- LEADER ELECTION HOOK ----
        // The leader election of io.gridkeeper.zookeeper.election (branch `launcher`) starts here, on members only,
        // sharing `member` (its curator() and clusterPath()); push its Closeable onto `started` so that destroy()
        // stops it before the registration is deleted and the connection closed, e.g.:
        //   started.push(ClusterLeadership.start(member, getLogger()));
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
