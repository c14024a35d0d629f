package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridkeeper.migration.Decision;
import org.junit.jupiter.api.Test;

final class ImmediatePolicyTest {

    @Test
    void decide_memberLeftAndJoined_rebalancesAtOnce() {
        Decision decision = new ImmediatePolicy()
                .decide(at(1).departure("n4", null, T0)
                        .arrival("n5", null, T0, false)
                        .build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance("immediate", "never holds; left [n4], joined [n5] migrate at once"));
    }
}
