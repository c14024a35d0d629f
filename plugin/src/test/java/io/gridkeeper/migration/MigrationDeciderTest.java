package io.gridkeeper.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class MigrationDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private final MigrationDecider decider =
            MigrationPolicies.load().decider(Map.of("policy", "delayed", "grace-seconds", "60"));

    private static ClusterView.Builder at(long seconds) {
        return ClusterView.builder(Clock.fixed(T0.plusSeconds(seconds), ZoneOffset.UTC))
                .member("n1", "a")
                .member("n2", "b");
    }

    @Test
    void decide_operatorAskedForRebalanceDuringHold_rebalancesNamingThePolicyDecision() {
        ClusterView view = at(10).departure("n3", "c", T0)
                .operator(OperatorCommands.rebalanceRequested(T0.plusSeconds(5), "bob: n3 is gone for good"))
                .build();

        Decision decision = decider.decide(view);

        assertThat(decision)
                .isEqualTo(Decision.rebalance(
                                "operator",
                                "an operator asked for a rebalance at [2026-11-21T10:00:05Z] (bob: n3 is gone for"
                                        + " good)")
                        .withCauses(List.of(decider.policy().decide(view))));
    }

    @Test
    void decide_operatorHoldLongerThanPolicy_holdsUntilTheOperatorsDeadline() {
        ClusterView view = at(10).arrival("n4", "a", T0, false)
                .operator(OperatorCommands.holdUntil(T0.plusSeconds(200), null))
                .build();

        Decision decision = decider.decide(view);

        assertThat(decision.policy()).isEqualTo("operator");
        assertThat(decision.until()).isEqualTo(T0.plusSeconds(200));
        assertThat(decision.explanation())
                .isEqualTo("an operator holds migrations until [2026-11-21T10:03:20Z]; run `gridkeeper rebalance` to"
                        + " end it");
    }

    @Test
    void decide_operatorHoldWhileSecondMemberLeft_safetyOverrulesTheOperator() {
        ClusterView view = at(10).departure("n3", "c", T0)
                .departure("n4", "a", T0.plusSeconds(8))
                .operator(OperatorCommands.holdUntil(T0.plusSeconds(3600), "freeze"))
                .build();

        Decision decision = decider.decide(view);

        assertThat(decision.policy()).isEqualTo("safety");
        assertThat(decision.isRebalance()).isTrue();
        assertThat(decision.causes()).extracting(Decision::policy).containsExactly("operator");
    }

    @Test
    void decide_expiredOperatorHold_isIgnored() {
        ClusterView view = at(10).arrival("n4", "a", T0, false)
                .operator(OperatorCommands.holdUntil(T0.plusSeconds(5), null))
                .build();

        assertThat(decider.decide(view).policy()).isEqualTo("delayed");
    }
}
