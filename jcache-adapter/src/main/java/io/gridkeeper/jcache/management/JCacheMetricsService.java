package io.gridkeeper.jcache.management;

import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.internal.services.ManagedService;
import com.hazelcast.logging.ILogger;
import com.hazelcast.spi.impl.NodeEngine;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Publishes {@link JCacheMetrics} in the member's metrics registry: once the member has started, a named thread
 * ({@code gridkeeper-jcache-metrics}) re-reads the published statistics every metrics collection interval
 * ({@code hazelcast.metrics.collection.frequency}, 5 s by default). Stopped on member shutdown.
 */
final class JCacheMetricsService implements ManagedService {

    static final String SERVICE_NAME = "gridkeeper:jcacheMetricsService";

    private final AtomicReference<@Nullable Running> running = new AtomicReference<>();
    private volatile @Nullable NodeEngine nodeEngine;

    private record Running(JCacheMetrics metrics, ScheduledExecutorService executor) {}

    @Override
    public void init(NodeEngine nodeEngine, Properties properties) {
        this.nodeEngine = nodeEngine;
        if (!nodeEngine.getConfig().getMetricsConfig().isEnabled()) {
            return;
        }
        nodeEngine.getHazelcastInstance().getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.STARTED) {
                start(nodeEngine);
            }
        });
    }

    private void start(NodeEngine nodeEngine) {
        ILogger logger = nodeEngine.getLogger(JCacheMetricsService.class);
        JCacheMetrics metrics = new JCacheMetrics(nodeEngine.getHazelcastInstance());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gridkeeper-jcache-metrics");
            thread.setDaemon(true);
            return thread;
        });
        if (!running.compareAndSet(null, new Running(metrics, executor))) {
            executor.shutdownNow();
            return;
        }
        int seconds = Math.max(1, nodeEngine.getConfig().getMetricsConfig().getCollectionFrequencySeconds());
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        metrics.refresh();
                    } catch (RuntimeException e) {
                        // e.g. the member is shutting down; the next round tries again
                        logger.fine("Could not read the JCache statistics", e);
                    }
                },
                0,
                seconds,
                TimeUnit.SECONDS);
        nodeEngine.getMetricsRegistry().registerDynamicMetricsProvider(metrics);
    }

    @Override
    public void reset() {
        // Nothing kept per cluster membership.
    }

    @Override
    public void shutdown(boolean terminate) {
        Running current = running.getAndSet(null);
        NodeEngine engine = nodeEngine;
        if (current == null || engine == null) {
            return;
        }
        current.executor().shutdownNow();
        engine.getMetricsRegistry().deregisterDynamicMetricsProvider(current.metrics());
    }
}
