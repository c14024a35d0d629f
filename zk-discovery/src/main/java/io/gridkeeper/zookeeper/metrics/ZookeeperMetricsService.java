package io.gridkeeper.zookeeper.metrics;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.impl.NodeEngine;
import io.gridkeeper.zookeeper.ZookeeperMember;
import io.gridkeeper.zookeeper.election.ClusterLeadership;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Registers {@link ZookeeperMetrics} with the member's metrics registry once the member has started with ZooKeeper
 * discovery (its {@link ZookeeperMember} handle exists by then); deregisters them on shutdown. A member without
 * ZooKeeper discovery gets no Gridkeeper ZooKeeper metrics.
 */
final class ZookeeperMetricsService implements ManagedService {

    static final String SERVICE_NAME = "gridkeeper:zookeeperMetricsService";

    private final AtomicReference<@Nullable Registered> registered = new AtomicReference<>();
    private volatile @Nullable NodeEngine nodeEngine;

    private record Registered(ZookeeperMember member, ZookeeperMetrics metrics) {}

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        this.nodeEngine = nodeEngine;
        nodeEngine.getHazelcastInstance().getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.STARTED) {
                start(nodeEngine);
            }
        });
    }

    private void start(NodeEngine nodeEngine) {
        HazelcastInstance instance = nodeEngine.getHazelcastInstance();
        Optional<ZookeeperMember> found = ZookeeperMember.forInstance(instance);
        if (found.isEmpty()) {
            return;
        }
        ZookeeperMember member = found.get();
        ILogger logger = nodeEngine.getLogger(ZookeeperMetricsService.class);
        ZookeeperMetrics metrics = new ZookeeperMetrics(
                member, ClusterLeadership.forMember(member).orElse(null), System::currentTimeMillis, logger);
        if (!registered.compareAndSet(null, new Registered(member, metrics))) {
            return;
        }
        member.curator().getConnectionStateListenable().addListener(metrics);
        nodeEngine.getMetricsRegistry().registerDynamicMetricsProvider(metrics);
        logger.fine("ZooKeeper metrics registered for member [" + member.nodeId() + "]");
    }

    @Override
    public void reset() {
        // Nothing kept per cluster membership.
    }

    @Override
    public void shutdown(boolean terminate) {
        Registered current = registered.getAndSet(null);
        NodeEngine engine = nodeEngine;
        if (current == null || engine == null) {
            return;
        }
        current.member().curator().getConnectionStateListenable().removeListener(current.metrics());
        current.metrics().closed();
        engine.getMetricsRegistry().deregisterDynamicMetricsProvider(current.metrics());
    }
}
