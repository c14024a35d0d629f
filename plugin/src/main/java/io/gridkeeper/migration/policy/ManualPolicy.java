package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Evidence.at;

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

    private final PendingLimit maxHold;

    public ManualPolicy(Duration maxHold) {
        if (maxHold.isNegative() || maxHold.isZero()) {
            throw new IllegalArgumentException("max-hold must be positive but was [" + maxHold + "]");
        }
        this.maxHold = new PendingLimit(MAX_HOLD_SECONDS, maxHold);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        Instant requested = view.operator().rebalanceRequestedAt();
        if (requested != null) {
            return Decision.rebalance(
                    NAME, "an operator asked for a rebalance at [%s]; %s", at(requested), Evidence.pending(view));
        }
        if (maxHold.reached(view)) {
            return Decision.rebalance(
                    NAME, "%s for an operator, the limit %s", maxHold.waited(view), maxHold.setting());
        }
        return Decision.hold(
                NAME,
                maxHold.cap(view),
                "%s; waiting for an operator to run `gridkeeper rebalance`, %s",
                Evidence.pending(view),
                maxHold.atMostUntil(view));
    }

    @Override
    public String toString() {
        return NAME + maxHold.setting();
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
