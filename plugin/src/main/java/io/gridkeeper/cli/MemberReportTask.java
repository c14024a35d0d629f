package io.gridkeeper.cli;

import com.hazelcast.cluster.ClusterState;
import com.hazelcast.config.DiscoveryStrategyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.collectors.MetricsCollector;
import com.hazelcast.internal.partition.impl.InternalPartitionServiceImpl;
import com.hazelcast.internal.partition.impl.MigrationManager;
import com.hazelcast.internal.partition.impl.MigrationStats;
import com.hazelcast.spi.impl.NodeEngineImpl;
import com.hazelcast.spi.properties.ClusterProperty;
import com.hazelcast.spi.properties.HazelcastProperties;
import io.gridkeeper.migration.PartitionHealth;
import io.gridkeeper.migration.control.MigrationController;
import io.gridkeeper.migration.control.MigrationService;
import io.gridkeeper.zookeeper.ZookeeperMember;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.zookeeper.ZooKeeper;
import org.jspecify.annotations.Nullable;

/**
 * Runs on a member (through an {@code IExecutorService}, on every member for {@code doctor}) and answers a {@link
 * MemberReport}. Reads Hazelcast internals (migration statistics, metrics registry) that only a member has; every
 * launcher node has this class since all run the same jar.
 */
final class MemberReportTask implements Callable<MemberReport>, Serializable, HazelcastInstanceAware {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Where the ZooKeeper discovery strategy also reads its session timeout (JVM property). */
    private static final String SESSION_TIMEOUT_PROPERTY = "gridkeeper.zookeeper.session-timeout-seconds";

    private static final long DEFAULT_SESSION_TIMEOUT_SECONDS = 30;

    private transient @Nullable HazelcastInstance instance;

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public MemberReport call() {
        HazelcastInstance member = instance;
        if (member == null) {
            throw new IllegalStateException("MemberReportTask must run on a member (no HazelcastInstance injected)");
        }
        HazelcastInstanceImpl impl =
                member instanceof HazelcastInstanceProxy proxy ? proxy.getOriginal() : (HazelcastInstanceImpl) member;
        NodeEngineImpl nodeEngine = impl.node.getNodeEngine();
        Optional<MigrationController> controller =
                MigrationService.forInstance(member).flatMap(MigrationService::controller);
        PartitionHealth health =
                controller.flatMap(MigrationController::partitionHealth).orElse(null);
        long unprotected = health == null || health.unprotectedSince() == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(health.unprotectedSince(), Instant.now())
                                .toSeconds());
        boolean master = impl.node.isMaster();
        ClusterState state = member.getCluster().getClusterState();
        Optional<ZookeeperSession> session = ZookeeperMember.forInstance(member).flatMap(MemberReportTask::session);
        return new MemberReport(
                member.getCluster().getLocalMember().getAddress().getHost() + ":"
                        + member.getCluster().getLocalMember().getAddress().getPort(),
                MigrationController.nodeIdOf(member.getCluster().getLocalMember()),
                System.currentTimeMillis(),
                master,
                state.name(),
                member.getPartitionService().isClusterSafe(),
                member.getPartitionService().isLocalMemberSafe(),
                new HazelcastProperties(member.getConfig()).getSeconds(ClusterProperty.MAX_NO_HEARTBEAT_SECONDS),
                sessionTimeoutSeconds(member),
                session.map(ZookeeperSession::timeoutMillis).orElse(null),
                session.map(ZookeeperSession::state).orElse(null),
                session.map(ZookeeperSession::id).orElse(null),
                controller.map(c -> c.decider().policy().name()).orElse(null),
                controller.map(MigrationController::policySource).orElse(null),
                health == null ? 0 : health.withoutBackup(),
                unprotected,
                migrationMetrics(nodeEngine),
                master ? progress((InternalPartitionServiceImpl) nodeEngine.getPartitionService()) : null);
    }

    /** The member's live ZooKeeper handle: what the server granted, not what was configured. */
    private record ZookeeperSession(
            String state, @Nullable Long id, @Nullable Long timeoutMillis) {}

    private static Optional<ZookeeperSession> session(ZookeeperMember zookeeper) {
        try {
            ZooKeeper handle = zookeeper.curator().getZookeeperClient().getZooKeeper();
            ZooKeeper.States state = handle.getState();
            boolean live = state != null && state.isConnected();
            // getSessionTimeout() is the negotiated value once connected (the requested one before).
            return Optional.of(new ZookeeperSession(
                    String.valueOf(state),
                    live ? handle.getSessionId() : null,
                    live ? (long) handle.getSessionTimeout() : null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            // Curator could not hand out a handle (closing): report no session rather than fail the report.
            return Optional.empty();
        }
    }

    private static MemberReport.MigrationProgress progress(InternalPartitionServiceImpl partitions) {
        MigrationManager manager = partitions.getMigrationManager();
        MigrationStats stats = manager.getStats();
        Date started = stats.getLastRepartitionTime();
        return new MemberReport.MigrationProgress(
                stats.getPlannedMigrations(),
                stats.getCompletedMigrations(),
                stats.getRemainingMigrations(),
                manager.getMigrationQueueSize(),
                partitions.hasOnGoingMigration(),
                started == null ? 0 : started.getTime(),
                stats.getTotalCompletedMigrations());
    }

    private static @Nullable Long sessionTimeoutSeconds(HazelcastInstance member) {
        for (DiscoveryStrategyConfig strategy : member.getConfig()
                .getNetworkConfig()
                .getJoin()
                .getDiscoveryConfig()
                .getDiscoveryStrategyConfigs()) {
            boolean zookeeper =
                    strategy.getClassName() != null && strategy.getClassName().startsWith("io.gridkeeper.zookeeper.")
                            || strategy.getDiscoveryStrategyFactory() != null
                                    && strategy.getDiscoveryStrategyFactory()
                                            .getClass()
                                            .getName()
                                            .startsWith("io.gridkeeper.zookeeper.");
            if (!zookeeper) {
                continue;
            }
            String property = System.getProperty(SESSION_TIMEOUT_PROPERTY);
            Object configured = property != null
                    ? property
                    : strategy.getProperties()
                            .getOrDefault(
                                    "session-timeout-seconds",
                                    strategy.getProperties().get("sessiontimeoutseconds"));
            try {
                return configured == null
                        ? DEFAULT_SESSION_TIMEOUT_SECONDS
                        : Long.parseLong(configured.toString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Map<String, Long> migrationMetrics(NodeEngineImpl nodeEngine) {
        Map<String, Long> metrics = new TreeMap<>();
        nodeEngine.getMetricsRegistry().collect(new MetricsCollector() {
            @Override
            public void collectLong(MetricDescriptor descriptor, long value) {
                if ("gridkeeper.migration".equals(descriptor.prefix())) {
                    metrics.put(descriptor.metric(), value);
                }
            }

            @Override
            public void collectDouble(MetricDescriptor descriptor, double value) {
                if ("gridkeeper.migration".equals(descriptor.prefix())) {
                    metrics.put(descriptor.metric(), Math.round(value));
                }
            }

            @Override
            public void collectException(MetricDescriptor descriptor, Exception e) {
                // A failing probe: not ours to report.
            }

            @Override
            public void collectNoValue(MetricDescriptor descriptor) {
                // Nothing to read.
            }
        });
        return metrics;
    }
}
