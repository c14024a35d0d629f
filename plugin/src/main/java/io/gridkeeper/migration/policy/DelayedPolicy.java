package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Evidence.at;
import static io.gridkeeper.migration.policy.Evidence.secondsBetween;

import io.gridkeeper.migration.Arrival;
import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.MigrationPolicy;
import io.gridkeeper.migration.PolicySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * After a data member leaves, hold for {@code grace-seconds} so that a member coming back (same node id, new UUID)
 * costs one rebalance instead of two; the timer restarts on every membership change, like Ignite's baseline
 * auto-adjust and Elasticsearch's {@code index.unassigned.node_left.delayed_timeout}. Once no member is missing (the
 * member returned) it rebalances at once. Joins alone are not held. While balanced it holds for one grace period ahead,
 * so that the next departure is caught before Hazelcast starts re-creating backups.
 */
public final class DelayedPolicy implements MigrationPolicy {

    public static final String NAME = "delayed";
    public static final String GRACE_SECONDS = "grace-seconds";
    public static final long DEFAULT_GRACE_SECONDS = 60;

    private final Duration grace;

    public DelayedPolicy(Duration grace) {
        if (grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("grace must be positive but was [" + grace + "]");
        }
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        Instant now = view.now();
        long graceSeconds = grace.toSeconds();
        if (!view.departures().isEmpty()) {
            Instant lastChange = view.lastChange().orElse(now);
            Instant until = lastChange.plus(grace);
            if (!now.isBefore(until)) {
                return Decision.rebalance(
                        NAME,
                        "members %s still missing [%ds] after the last membership change at [%s], the limit [%s=%d]",
                        Evidence.departed(view.departures()),
                        secondsBetween(lastChange, now),
                        at(lastChange),
                        GRACE_SECONDS,
                        graceSeconds);
            }
            return Decision.hold(
                    NAME,
                    until,
                    "members %s missing, last membership change [%ds] ago at [%s]; waiting for them to return until"
                            + " [%s] [%s=%d], the timer restarts on each membership change",
                    Evidence.departed(view.departures()),
                    secondsBetween(lastChange, now),
                    at(lastChange),
                    at(until),
                    GRACE_SECONDS,
                    graceSeconds);
        }
        List<Arrival> returned =
                view.arrivals().stream().filter(Arrival::returning).toList();
        if (!returned.isEmpty()) {
            return Decision.rebalance(
                    NAME,
                    "members %s returned within [%s=%d], no member missing; one rebalance restores their replicas",
                    Evidence.arrived(returned),
                    GRACE_SECONDS,
                    graceSeconds);
        }
        if (!view.arrivals().isEmpty()) {
            return Decision.rebalance(
                    NAME,
                    "members %s joined and no member is missing; the delayed policy holds only departures",
                    Evidence.arrived(view.arrivals()));
        }
        return Decision.hold(
                NAME,
                now.plus(grace),
                "balanced, no member missing; holding so that a member leaving waits [%s=%d] before its backups are"
                        + " re-created",
                GRACE_SECONDS,
                graceSeconds);
    }

    @Override
    public String toString() {
        return NAME + "[" + GRACE_SECONDS + "=" + grace.toSeconds() + "]";
    }

    /** Registers {@value #NAME}. */
    public static final class Factory extends PolicyFactory<DelayedPolicy> {
        public Factory() {
            super(NAME, GRACE_SECONDS);
        }

        @Override
        public DelayedPolicy create(PolicySettings settings) {
            return new DelayedPolicy(settings.seconds(GRACE_SECONDS, DEFAULT_GRACE_SECONDS, 1));
        }
    }
}
