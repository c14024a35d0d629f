package io.gridkeeper.migration.policy;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.LoadSample;
import io.gridkeeper.migration.MigrationPolicy;
import io.gridkeeper.migration.PolicySettings;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Hold while the cluster is busy: its operation rate (the sum over data members) is above {@code
 * max-operations-per-second}, or the busiest member's CPU is above {@code max-cpu-percent}; changes never wait longer
 * than {@code max-defer-seconds}. Without load samples it does not hold.
 */
public final class LoadAwarePolicy implements MigrationPolicy {

    public static final String NAME = "load-aware";
    public static final String MAX_OPERATIONS_PER_SECOND = "max-operations-per-second";
    public static final String MAX_CPU_PERCENT = "max-cpu-percent";
    public static final String MAX_DEFER_SECONDS = "max-defer-seconds";
    public static final double DEFAULT_MAX_CPU_PERCENT = 80;
    public static final long DEFAULT_MAX_DEFER_SECONDS = 3_600;

    private final OptionalDouble maxOperationsPerSecond;
    private final double maxCpuPercent;
    private final PendingLimit maxDefer;

    public LoadAwarePolicy(OptionalDouble maxOperationsPerSecond, double maxCpuPercent, Duration maxDefer) {
        if (maxDefer.isNegative() || maxDefer.isZero() || !(maxCpuPercent > 0 && maxCpuPercent <= 100)) {
            throw new IllegalArgumentException("cpu threshold must be in (0, 100] and max-defer positive but were ["
                    + maxCpuPercent + ", " + maxDefer + "]");
        }
        this.maxOperationsPerSecond = maxOperationsPerSecond;
        this.maxCpuPercent = maxCpuPercent;
        this.maxDefer = new PendingLimit(MAX_DEFER_SECONDS, maxDefer);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        if (view.load().isEmpty()) {
            return Decision.rebalance(NAME, "no load samples, nothing to wait for; %s", Evidence.pending(view));
        }
        double operations = view.load().stream()
                .mapToDouble(LoadSample::operationsPerSecond)
                .sum();
        LoadSample busiest = view.load().stream()
                .max(Comparator.comparingDouble(LoadSample::cpuPercent))
                .orElseThrow();
        String observed = String.format(
                Locale.ROOT,
                "operation rate [%.0f/s] over [%d] members, cpu [%.0f%%] on busiest member [%s]",
                operations,
                view.load().size(),
                busiest.cpuPercent(),
                busiest.nodeId());
        boolean opsHigh = maxOperationsPerSecond.isPresent() && operations > maxOperationsPerSecond.getAsDouble();
        boolean cpuHigh = busiest.cpuPercent() > maxCpuPercent;
        if (!opsHigh && !cpuHigh) {
            return Decision.rebalance(NAME, "%s within %s; %s", observed, thresholds(), Evidence.pending(view));
        }
        String over = opsHigh && cpuHigh ? "operation rate and cpu" : opsHigh ? "operation rate" : "cpu";
        if (maxDefer.reached(view)) {
            return Decision.rebalance(
                    NAME,
                    "%s above %s, but %s, the limit %s",
                    observed,
                    thresholds(),
                    maxDefer.waited(view),
                    maxDefer.setting());
        }
        return Decision.hold(
                NAME,
                maxDefer.cap(view),
                "cluster busy, %s too high: %s, thresholds %s; %s, waiting for load to drop, %s",
                over,
                observed,
                thresholds(),
                Evidence.pending(view),
                maxDefer.atMostUntil(view));
    }

    private String thresholds() {
        String cpu = String.format(Locale.ROOT, "[%s=%s]", MAX_CPU_PERCENT, plain(maxCpuPercent));
        if (maxOperationsPerSecond.isEmpty()) {
            return cpu;
        }
        return String.format(
                        Locale.ROOT, "[%s=%s] ", MAX_OPERATIONS_PER_SECOND, plain(maxOperationsPerSecond.getAsDouble()))
                + cpu;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    @Override
    public String toString() {
        return NAME + thresholds() + maxDefer.setting();
    }

    /** Registers {@value #NAME}. */
    public static final class Factory extends PolicyFactory<LoadAwarePolicy> {
        public Factory() {
            super(NAME, MAX_OPERATIONS_PER_SECOND, MAX_CPU_PERCENT, MAX_DEFER_SECONDS);
        }

        @Override
        public LoadAwarePolicy create(PolicySettings settings) {
            OptionalDouble maxOperations = settings.decimal(MAX_OPERATIONS_PER_SECOND, 1, 1e12)
                    .map(OptionalDouble::of)
                    .orElse(OptionalDouble.empty());
            double maxCpu = settings.decimal(MAX_CPU_PERCENT, 1, 100).orElse(DEFAULT_MAX_CPU_PERCENT);
            Duration maxDefer = settings.seconds(MAX_DEFER_SECONDS, DEFAULT_MAX_DEFER_SECONDS, 1);
            return new LoadAwarePolicy(maxOperations, maxCpu, maxDefer);
        }
    }
}
