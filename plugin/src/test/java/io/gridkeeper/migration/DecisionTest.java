package io.gridkeeper.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DecisionTest {

    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void hold_formatsExplanationWithRootLocale() {
        Decision decision = Decision.hold("delayed", T, "member [%s] left [%ds] ago", "n2", 12);

        assertThat(decision.explanation()).isEqualTo("member [n2] left [12s] ago");
        assertThat(decision.until()).isEqualTo(T);
    }

    @Test
    void describe_composite_indentsCauses() {
        Decision decision = Decision.hold("a,b", T, "held by [a]")
                .withCauses(List.of(Decision.hold("a", T, "x"), Decision.rebalance("b", "y")));

        assertThat(decision.describe())
                .isEqualTo("HOLD until [2026-11-21T10:00:00Z] by [a,b]: held by [a]\n"
                        + "  HOLD until [2026-11-21T10:00:00Z] by [a]: x\n"
                        + "  REBALANCE by [b]: y");
    }

    @Test
    void requireUntil_onRebalance_fails() {
        assertThatThrownBy(() -> Decision.rebalance("immediate", "now").requireUntil())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void explanationWithPercentAndNoArguments_isKeptVerbatim() {
        assertThat(Decision.rebalance("x", "cpu [95%]").explanation()).isEqualTo("cpu [95%]");
    }
}
