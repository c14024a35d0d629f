package io.gridkeeper.migration.policy;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.MigrationPolicy;
import io.gridkeeper.migration.PolicySettings;

/** Hazelcast's default behaviour: never hold, every change migrates at once. No settings. */
public final class ImmediatePolicy implements MigrationPolicy {

    public static final String NAME = "immediate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision decide(ClusterView view) {
        return Decision.rebalance(NAME, "never holds; %s migrate at once", Evidence.pending(view));
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** Registers {@value #NAME}. */
    public static final class Factory extends PolicyFactory<ImmediatePolicy> {
        public Factory() {
            super(NAME);
        }

        @Override
        public ImmediatePolicy create(PolicySettings settings) {
            return new ImmediatePolicy();
        }
    }
}
