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
import java.util.Comparator;

/**
 * After members join, hold until membership has been quiet for {@code quiet-seconds}, but no longer than {@code
 * max-seconds} after the first join, so that scaling out by several members costs one rebalance. Departures alone are
 * not held. While balanced it holds for {@code max-seconds} ahead so that the first join is caught.
 */
public final class DebouncePolicy implements MigrationPolicy {

    public static final String NAME = "debounce";
    public static final String QUIET_SECONDS = "quiet-seconds";
    public static final String MAX_SECONDS = "max-seconds";
    public static final long DEFAULT_QUIET_SECONDS = 30;
    public static final long DEFAULT_MAX_SECONDS = 300;

    private final Duration quiet;
    private final Duration max;

    public DebouncePolicy(Duration quiet, Duration max) {
        if (quiet.isNegative() || quiet.isZero() || max.compareTo(quiet) < 0) {
            throw new IllegalArgumentException(
                    "quiet must be positive and max at least quiet but were [" + quiet + ", " + max + "]");
        }
        this.quiet = quiet;
        this.max = max;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        Instant now = view.now();
        if (view.arrivals().isEmpty()) {
            if (view.hasPendingChanges()) {
                return Decision.rebalance(
                        NAME,
                        "members %s left and none joined; the debounce policy holds only joins",
                        Evidence.departed(view.departures()));
            }
            return Decision.hold(
                    NAME,
                    now.plus(max),
                    "balanced, no pending joins; holding so that joins are batched until membership is quiet for"
                            + " [%s=%d], at most [%s=%d]",
                    QUIET_SECONDS,
                    quiet.toSeconds(),
                    MAX_SECONDS,
                    max.toSeconds());
        }
        Instant firstJoin = view.arrivals().stream()
                .map(Arrival::at)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant lastChange = view.lastChange().orElse(now);
        Instant quietAt = lastChange.plus(quiet);
        Instant cap = firstJoin.plus(max);
        int joined = view.arrivals().size();
        if (!now.isBefore(quietAt)) {
            return Decision.rebalance(
                    NAME,
                    "membership quiet for [%ds] after [%d] joins %s [%s=%d]; one rebalance for all of them",
                    secondsBetween(lastChange, now),
                    joined,
                    Evidence.arrived(view.arrivals()),
                    QUIET_SECONDS,
                    quiet.toSeconds());
        }
        if (!now.isBefore(cap)) {
            return Decision.rebalance(
                    NAME,
                    "joins %s began [%ds] ago at [%s] and membership is still changing, the limit [%s=%d]",
                    Evidence.arrived(view.arrivals()),
                    secondsBetween(firstJoin, now),
                    at(firstJoin),
                    MAX_SECONDS,
                    max.toSeconds());
        }
        Instant until = quietAt.isBefore(cap) ? quietAt : cap;
        return Decision.hold(
                NAME,
                until,
                "[%d] members joined %s, last membership change [%ds] ago; waiting until [%s] for [%s=%d] without"
                        + " changes, at most until [%s] [%s=%d]",
                joined,
                Evidence.arrived(view.arrivals()),
                secondsBetween(lastChange, now),
                at(quietAt),
                QUIET_SECONDS,
                quiet.toSeconds(),
                at(cap),
                MAX_SECONDS,
                max.toSeconds());
    }

    @Override
    public String toString() {
        return NAME + "[" + QUIET_SECONDS + "=" + quiet.toSeconds() + ", " + MAX_SECONDS + "=" + max.toSeconds() + "]";
    }

    /** Registers {@value #NAME}. */
    public static final class Factory extends PolicyFactory<DebouncePolicy> {
        public Factory() {
            super(NAME, QUIET_SECONDS, MAX_SECONDS);
        }

        @Override
        public DebouncePolicy create(PolicySettings settings) {
            Duration quiet = settings.seconds(QUIET_SECONDS, DEFAULT_QUIET_SECONDS, 1);
            Duration max = settings.seconds(MAX_SECONDS, Math.max(DEFAULT_MAX_SECONDS, quiet.toSeconds()), 1);
            if (max.compareTo(quiet) < 0) {
                throw settings.invalid(MAX_SECONDS, "at least " + QUIET_SECONDS + " [" + quiet.toSeconds() + "]");
            }
            return new DebouncePolicy(quiet, max);
        }
    }
}
