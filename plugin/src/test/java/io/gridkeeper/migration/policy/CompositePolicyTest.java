package io.gridkeeper.migration.policy;

import static io.gridkeeper.migration.policy.Views.T0;
import static io.gridkeeper.migration.policy.Views.at;
import static io.gridkeeper.migration.policy.Views.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridkeeper.migration.ClusterView;
import io.gridkeeper.migration.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompositePolicyTest {

    private final DelayedPolicy delayed = new DelayedPolicy(Duration.ofSeconds(60));
    private final WindowPolicy window =
            new WindowPolicy.Factory().create(settings("days", "SAT", "start", "10:05", "end", "12:00"));
    private final CompositePolicy composite = new CompositePolicy(List.of(delayed, window));

    @Test
    void decide_bothHold_holdsUntilTheLatestDeadlineAndReportsEach() {
        ClusterView view = at(10).departure("n4", null, T0).build();

        Decision decision = composite.decide(view);

        assertThat(decision)
                .isEqualTo(Decision.hold(
                                "delayed,window",
                                Instant.parse("2026-11-21T10:05:00Z"),
                                "held by [delayed, window] until [2026-11-21T10:05:00Z], the latest of their"
                                        + " deadlines")
                        .withCauses(List.of(delayed.decide(view), window.decide(view))));
    }

    @Test
    void decide_graceOverButOutsideWindow_stillHoldsForTheWindow() {
        ClusterView view = at(200).departure("n4", null, T0.plusSeconds(100)).build();

        Decision decision = composite.decide(view);

        assertThat(decision.until()).isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
        assertThat(decision.causes())
                .extracting(Decision::type)
                .containsExactly(Decision.Type.REBALANCE, Decision.Type.HOLD);
    }

    @Test
    void decide_oneHolds_holdsWithThatDeadline() {
        ClusterView view = at(400).departure("n4", null, T0.plusSeconds(380)).build();

        Decision decision = composite.decide(view);

        assertThat(decision.policy()).isEqualTo("delayed,window");
        assertThat(decision.until()).isEqualTo(T0.plusSeconds(440));
        assertThat(decision.explanation()).startsWith("held by [delayed] until");
        assertThat(decision.causes())
                .extracting(Decision::type)
                .containsExactly(Decision.Type.HOLD, Decision.Type.REBALANCE);
    }

    @Test
    void decide_allAllow_rebalancesAndReportsEach() {
        ClusterView view = at(400).departure("n4", null, T0).build();

        Decision decision = composite.decide(view);

        assertThat(decision)
                .isEqualTo(Decision.rebalance("delayed,window", "all [2] policies allow a rebalance")
                        .withCauses(List.of(delayed.decide(view), window.decide(view))));
    }
}
