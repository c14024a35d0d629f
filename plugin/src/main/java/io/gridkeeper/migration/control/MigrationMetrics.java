package io.gridkeeper.migration.control;

import com.hazelcast.internal.metrics.DynamicMetricsProvider;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.MetricsCollectionContext;
import com.hazelcast.internal.metrics.ProbeLevel;
import com.hazelcast.internal.metrics.ProbeUnit;
import java.util.function.LongSupplier;

/**
 * Publishes the controller's state into Hazelcast's metrics registry under the prefix {@value #PREFIX}, so Management
 * Center, its Prometheus export and JMX ({@code com.hazelcast:type=Metrics,instance=<name>,prefix=gridkeeper.migration})
 * show it. Collected on Hazelcast's metrics thread; every value is read from atomics or volatiles and never blocks.
 */
final class MigrationMetrics implements DynamicMetricsProvider {

    static final String PREFIX = "gridkeeper.migration";

    /** One metric: name, unit, and where to read it. */
    record Metric(String name, ProbeUnit unit, LongSupplier value) {}

    private final Metric[] metrics;

    MigrationMetrics(Metric... metrics) {
        this.metrics = metrics.clone();
    }

    @Override
    public void provideDynamicMetrics(MetricDescriptor descriptor, MetricsCollectionContext context) {
        MetricDescriptor prefixed = descriptor.withPrefix(PREFIX);
        for (Metric metric : metrics) {
            context.collect(
                    prefixed.copy(),
                    metric.name(),
                    ProbeLevel.INFO,
                    metric.unit(),
                    metric.value().getAsLong());
        }
    }
}
