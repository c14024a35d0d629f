package io.gridkeeper.zookeeper.metrics;

import com.hazelcast.internal.metrics.DynamicMetricsProvider;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.MetricsCollectionContext;
import com.hazelcast.internal.metrics.ProbeLevel;
import com.hazelcast.internal.metrics.ProbeUnit;
import com.hazelcast.logging.ILogger;
import io.gridkeeper.zookeeper.ZookeeperMember;
import io.gridkeeper.zookeeper.election.LeaderElection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.ZooKeeper;
import org.jspecify.annotations.Nullable;

/**
 * The ZooKeeper side of one member as Hazelcast metrics, under three prefixes: {@value #ZOOKEEPER} (connection and
 * session), {@value #DISCOVERY} (the watched registry cache) and {@value #LEADER} (the leader election).
 *
 * <p>Threads: {@link #stateChanged} runs on Curator's connection-state thread and only updates atomics (plus reading
 * the session id of the connected handle); {@link #provideDynamicMetrics} runs on Hazelcast's metrics thread and reads
 * atomics, volatiles and watched caches only, never ZooKeeper.
 */
final class ZookeeperMetrics implements DynamicMetricsProvider, ConnectionStateListener {

    static final String ZOOKEEPER = "gridkeeper.zookeeper";
    static final String DISCOVERY = "gridkeeper.discovery";
    static final String LEADER = "gridkeeper.leader";

    /** {@code connectionState} values; documented in docs/metrics.md. */
    static final long STATE_CLOSED = 0;

    static final long STATE_CONNECTED = 1;
    static final long STATE_READ_ONLY = 2;
    static final long STATE_SUSPENDED = 3;
    static final long STATE_LOST = 4;

    private static final long CONNECTED_NOW = -1;

    private final ZookeeperMember member;
    private final @Nullable LeaderElection election;
    private final LongSupplier clockMillis;
    private final ILogger logger;

    private volatile long connectionState;
    private volatile long sessionId;
    /** The session timeout the server granted (it caps what the member asked for), 0 while there is no session. */
    private volatile long sessionTimeoutMillis;
    /** When the connection was last suspended or lost, or {@value #CONNECTED_NOW} while connected. */
    private volatile long disconnectedSinceMillis = CONNECTED_NOW;

    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong sessionExpirations = new AtomicLong();

    ZookeeperMetrics(
            ZookeeperMember member, @Nullable LeaderElection election, LongSupplier clockMillis, ILogger logger) {
        this.member = member;
        this.election = election;
        this.clockMillis = clockMillis;
        this.logger = logger;
        CuratorFramework curator = member.curator();
        if (curator.getZookeeperClient().isConnected()) {
            connectionState = STATE_CONNECTED;
            readSession();
        } else {
            connectionState = STATE_SUSPENDED;
            disconnectedSinceMillis = clockMillis.getAsLong();
        }
    }

    @Override
    public void stateChanged(CuratorFramework client, ConnectionState newState) {
        switch (newState) {
            case CONNECTED, RECONNECTED -> {
                if (newState == ConnectionState.RECONNECTED) {
                    reconnects.incrementAndGet();
                }
                readSession();
                disconnectedSinceMillis = CONNECTED_NOW;
                connectionState = STATE_CONNECTED;
            }
            case READ_ONLY -> {
                connectionState = STATE_READ_ONLY;
            }
            case SUSPENDED -> {
                markDisconnected();
                connectionState = STATE_SUSPENDED;
            }
            case LOST -> {
                sessionExpirations.incrementAndGet();
                markDisconnected();
                sessionId = 0;
                sessionTimeoutMillis = 0;
                connectionState = STATE_LOST;
            }
        }
    }

    /** Marks the connection closed (the member is shutting down). */
    void closed() {
        connectionState = STATE_CLOSED;
        sessionId = 0;
        sessionTimeoutMillis = 0;
    }

    private void markDisconnected() {
        if (disconnectedSinceMillis == CONNECTED_NOW) {
            disconnectedSinceMillis = clockMillis.getAsLong();
        }
    }

    private void readSession() {
        try {
            ZooKeeper zooKeeper = member.curator().getZookeeperClient().getZooKeeper();
            sessionId = zooKeeper.getSessionId();
            sessionTimeoutMillis = zooKeeper.getSessionTimeout();
        } catch (Exception e) {
            logger.fine("Could not read the ZooKeeper session", e);
            sessionId = 0;
            sessionTimeoutMillis = 0;
        }
    }

    @Override
    public void provideDynamicMetrics(MetricDescriptor descriptor, MetricsCollectionContext context) {
        MetricDescriptor zookeeper = descriptor.copy().withPrefix(ZOOKEEPER);
        long state = connectionState;
        collect(context, zookeeper, "connectionState", ProbeUnit.ENUM, state);
        collect(context, zookeeper, "connected", ProbeUnit.BOOLEAN, state == STATE_CONNECTED ? 1 : 0);
        collect(context, zookeeper, "sessionId", ProbeUnit.COUNT, sessionId);
        collect(context, zookeeper, "sessionTimeoutMs", ProbeUnit.MS, sessionTimeoutMillis);
        collect(context, zookeeper, "reconnects", ProbeUnit.COUNT, reconnects.get());
        collect(context, zookeeper, "sessionExpirations", ProbeUnit.COUNT, sessionExpirations.get());

        MetricDescriptor discovery = descriptor.copy().withPrefix(DISCOVERY);
        collect(
                context,
                discovery,
                "members",
                ProbeUnit.COUNT,
                member.registeredMembers().size());
        collect(context, discovery, "unreadableEntries", ProbeUnit.COUNT, member.unreadableMembers());
        collect(context, discovery, "stalenessMs", ProbeUnit.MS, stalenessMillis());

        LeaderElection leadership = election;
        if (leadership != null) {
            MetricDescriptor leader = descriptor.copy().withPrefix(LEADER);
            collect(context, leader, "leader", ProbeUnit.BOOLEAN, leadership.isLeader() ? 1 : 0);
            collect(
                    context,
                    leader,
                    "epoch",
                    ProbeUnit.COUNT,
                    leadership.leaderEpoch().orElse(0));
            collect(context, leader, "clusterEpoch", ProbeUnit.COUNT, clusterEpoch(leadership));
        }
    }

    /** 0 while connected (the watches keep the cache current), else how long ago the connection went away. */
    long stalenessMillis() {
        long since = disconnectedSinceMillis;
        return since == CONNECTED_NOW ? 0 : Math.max(0, clockMillis.getAsLong() - since);
    }

    private long clusterEpoch(LeaderElection leadership) {
        try {
            return leadership.currentEpoch();
        } catch (IllegalStateException e) {
            // An unreadable epoch znode: the election reports it; the next leader rewrites it.
            return 0;
        }
    }

    private static void collect(
            MetricsCollectionContext context, MetricDescriptor prefixed, String name, ProbeUnit unit, long value) {
        context.collect(prefixed.copy(), name, ProbeLevel.INFO, unit, value);
    }
}
