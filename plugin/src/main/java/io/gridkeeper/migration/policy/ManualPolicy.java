package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Evidence.at;
import static io.gridkeeper.migration.policy.Evidence.secondsBetween;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.MigrationPolicy;
import io.gridkeeper.migration.PolicySettings;
import java.time.Duration;
import java.time.Instant;

/**
 * Hold until an operator asks for a rebalance ({@code gridkeeper rebalance}, JMX, or the {@code rebalance} znode);
 * changes never wait longer than {@code max-hold-seconds} (a hold always has a deadline).
 */
public final class ManualPolicy implements MigrationPolicy {

    public static final String NAME = "manual";
    public static final String MAX_HOLD_SECONDS = "max-hold-seconds";
    public static final long DEFAULT_MAX_HOLD_SECONDS = 86_400;

    private final Duration maxHold;

    public ManualPolicy(Duration maxHold) {
        if (maxHold.isNegative() || maxHold.isZero()) {
            throw new IllegalArgumentException("max-hold must be positive but was [" + maxHold + "]");
        }
        this.maxHold = maxHold;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        Instant now = view.now();
        Instant requested = view.operator().rebalanceRequestedAt();
        if (requested != null) {
            return Decision.rebalance(
                    NAME, "an operator asked for a rebalance at [%s]; %s", at(requested), Evidence.pending(view));
        }
        Instant pendingSince = view.pendingSince().orElse(now);
        Instant cap = pendingSince.plus(maxHold);
        if (!now.isBefore(cap)) {
            return Decision.rebalance(
                    NAME,
                    "changes pending since [%s] waited [%ds] for an operator, the limit [%s=%d]",
                    at(pendingSince),
                    secondsBetween(pendingSince, now),
                    MAX_HOLD_SECONDS,
                    maxHold.toSeconds());
        }
        return Decision.hold(
                NAME,
                cap,
                "%s; waiting for an operator to run `gridkeeper rebalance`, at most until [%s] [%s=%d]",
                Evidence.pending(view),
                at(cap),
                MAX_HOLD_SECONDS,
                maxHold.toSeconds());
    }

    @Override
    public String toString() {
        return NAME + "[" + MAX_HOLD_SECONDS + "=" + maxHold.toSeconds() + "]";
    }

    /** Registers {@value #NAME}. */
    public static final class Factory extends PolicyFactory<ManualPolicy> {
        public Factory() {
            super(NAME, MAX_HOLD_SECONDS);
        }

        @Override
        public ManualPolicy create(PolicySettings settings) {
            return new ManualPolicy(settings.seconds(MAX_HOLD_SECONDS, DEFAULT_MAX_HOLD_SECONDS, 1));
        }
    }
}
