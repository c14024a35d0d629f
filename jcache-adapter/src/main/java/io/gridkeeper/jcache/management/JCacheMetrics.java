package io.gridkeeper.jcache.management;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.metrics.DynamicMetricsProvider;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.MetricsCollectionContext;
import com.hazelcast.internal.metrics.ProbeLevel;
import com.hazelcast.internal.metrics.ProbeUnit;
import com.hazelcast.map.IMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cluster-wide JSR-107 statistics of every cache as Hazelcast metrics, prefix {@value #PREFIX}, discriminator {@code
 * name} = the cache name.
 *
 * <p>The totals are the sum of what every cache view (on any member or client) published to {@link
 * ClusterStatistics#MAP_NAME}, i.e. exactly what the cluster-wide {@code CacheStatisticsMXBean} reports, at most one
 * publication interval (1 s) old. So every member reports the same totals. {@link #refresh()} reads the IMap and runs
 * on the caller's thread (a named executor of {@link JCacheMetricsService}); {@link #provideDynamicMetrics} runs on
 * Hazelcast's metrics thread and only reads the last totals.
 */
final class JCacheMetrics implements DynamicMetricsProvider {

    static final String PREFIX = "gridkeeper.jcache";
    static final String DISCRIMINATOR = "name";

    private final HazelcastInstance instance;
    private volatile Map<String, StatisticsSnapshot> totals = Map.of();

    JCacheMetrics(HazelcastInstance instance) {
        this.instance = instance;
    }

    /** Sums the published counters by cache; does nothing until some view has created the statistics map. */
    void refresh() {
        boolean exists = false;
        for (DistributedObject object : instance.getDistributedObjects()) {
            if (ClusterStatistics.MAP_NAME.equals(object.getName()) && object instanceof IMap<?, ?>) {
                exists = true;
                break;
            }
        }
        if (!exists) {
            totals = Map.of();
            return;
        }
        IMap<String, StatisticsSnapshot> map = instance.getMap(ClusterStatistics.MAP_NAME);
        Map<String, StatisticsSnapshot> sums = new TreeMap<>();
        for (StatisticsSnapshot snapshot : map.values()) {
            sums.merge(snapshot.cacheName(), snapshot, StatisticsSnapshot::plus);
        }
        totals = Map.copyOf(sums);
    }

    /** The last totals, by cache name. */
    Map<String, StatisticsSnapshot> totals() {
        return totals;
    }

    @Override
    public void provideDynamicMetrics(MetricDescriptor descriptor, MetricsCollectionContext context) {
        for (StatisticsSnapshot total : totals.values()) {
            MetricDescriptor cache =
                    descriptor.copy().withPrefix(PREFIX).withDiscriminator(DISCRIMINATOR, total.cacheName());
            long gets = total.hits() + total.misses();
            collect(context, cache, "hits", ProbeUnit.COUNT, total.hits());
            collect(context, cache, "misses", ProbeUnit.COUNT, total.misses());
            collect(context, cache, "gets", ProbeUnit.COUNT, gets);
            collect(context, cache, "puts", ProbeUnit.COUNT, total.puts());
            collect(context, cache, "removals", ProbeUnit.COUNT, total.removals());
            collect(context, cache, "evictions", ProbeUnit.COUNT, total.evictions());
            context.collect(
                    cache.copy(),
                    "hitRatio",
                    ProbeLevel.INFO,
                    ProbeUnit.PERCENT,
                    gets == 0 ? 0.0 : total.hits() * 100.0 / gets);
            average(context, cache, "averageGetTime", total.getTimeNanos(), gets);
            average(context, cache, "averagePutTime", total.putTimeNanos(), total.puts());
            average(context, cache, "averageRemoveTime", total.removeTimeNanos(), total.removals());
        }
    }

    private static void average(
            MetricsCollectionContext context, MetricDescriptor cache, String name, long totalNanos, long count) {
        context.collect(
                cache.copy(), name, ProbeLevel.INFO, ProbeUnit.US, count == 0 ? 0.0 : totalNanos / 1000.0 / count);
    }

    private static void collect(
            MetricsCollectionContext context, MetricDescriptor cache, String name, ProbeUnit unit, long value) {
        context.collect(cache.copy(), name, ProbeLevel.INFO, unit, value);
    }
}
