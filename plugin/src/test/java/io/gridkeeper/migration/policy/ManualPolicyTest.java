package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridkeeper.migration.Decision;
import io.gridkeeper.migration.OperatorCommands;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class ManualPolicyTest {

    private final ManualPolicy policy = new ManualPolicy(Duration.ofHours(1));

    @Test
    void decide_changesPending_holdsForAnOperator() {
        Decision decision = policy.decide(at(30).arrival("n4", "a", T0, false).build());

        assertThat(decision)
                .isEqualTo(Decision.hold(
                        "manual",
                        T0.plusSeconds(3600),
                        "joined [n4]; waiting for an operator to run `gridkeeper rebalance`, at most until"
                                + " [2026-11-21T11:00:00Z] [max-hold-seconds=3600]"));
    }

    @Test
    void decide_operatorAsked_rebalances() {
        Decision decision = policy.decide(at(30).arrival("n4", "a", T0, false)
                .operator(OperatorCommands.rebalanceRequested(T0.plusSeconds(29), "alice"))
                .build());

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                        "manual", "an operator asked for a rebalance at [2026-11-21T10:00:29Z]; joined [n4]"));
    }

    @Test
    void decide_nobodyAskedWithinMaxHold_rebalances() {
        Decision decision = policy.decide(at(3600).arrival("n4", "a", T0, false).build());

        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.explanation()).contains("waited [3600s] for an operator", "[max-hold-seconds=3600]");
    }
}
